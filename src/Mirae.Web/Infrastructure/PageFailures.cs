using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;

namespace Mirae.Web.Infrastructure;

/// <summary>
/// A page that shows itself again, with what the user posted, when a handler breaks a rule: it reloads what it displays
/// (the lists and records around the form) and returns <c>Page()</c>.
/// </summary>
public interface IRedisplayPage
{
    Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken);

    /// <summary>The form field a broken rule is about, when the page knows better than the handler's <see cref="ErrorsOnAttribute"/>.</summary>
    string? FieldFor(DomainException broken) => null;
}

/// <summary>
/// The one failure path of the pages. A handler that throws <see cref="DomainException"/> gets its message as a model
/// error (on <see cref="DomainException.Field"/>, or the summary) and its page shown again through
/// <see cref="IRedisplayPage.RedisplayAsync"/>, with nothing saved: the change tracker is cleared first, so nothing the
/// handler half-changed is written later in the request. Whatever its kind, a broken rule is explained on the page the
/// user acted on (a business number not in the directory is a 404 to the API, a message beside the field here); a
/// record that is missing altogether (<see cref="NotFoundException"/>) is the 404 page.
/// </summary>
public sealed class PageFailureFilter(AppDbContext db, IStringLocalizer<SharedResource> text) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.ExceptionHandled || executed.Exception is null)
        {
            return;
        }
        if (Races.IsLostRace(executed.Exception))
        {
            // Shown like any broken rule: on the page, or as the 409 page where there is no form to show again.
            executed.Exception = Races.AsConflict();
            if (context.HandlerInstance is not IRedisplayPage)
            {
                executed.Result = new StatusCodeResult(StatusCodes.Status409Conflict);
                executed.ExceptionHandled = true;
                return;
            }
        }
        switch (executed.Exception)
        {
            case NotFoundException:
                executed.Result = new NotFoundResult();
                executed.ExceptionHandled = true;
                break;
            case DomainException broken when context.HandlerInstance is IRedisplayPage page and PageModel model:
                db.ChangeTracker.Clear();
                var field = broken.Field ?? page.FieldFor(broken) ?? context.HandlerMethod?.MethodInfo.GetCustomAttributes(typeof(ErrorsOnAttribute), false)
                    .Cast<ErrorsOnAttribute>().FirstOrDefault()?.Field ?? "";
                model.ModelState.AddModelError(field, text.Explain(broken));
                executed.Result = await page.RedisplayAsync(context.HttpContext.RequestAborted);
                executed.ExceptionHandled = true;
                break;
        }
    }
}

/// <summary>The form field a handler's broken rules are shown on, when the exception does not name one.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ErrorsOnAttribute(string field) : Attribute
{
    public string Field { get; } = field;
}

public static class RouteValues
{
    /// <summary>The page's <c>{id:int}</c> route value (pages whose route has one).</summary>
    public static int RouteId(this PageModel page) =>
        Convert.ToInt32(page.RouteData.Values["id"], System.Globalization.CultureInfo.InvariantCulture);
}

public static class DomainMessages
{
    /// <summary>The broken rule's message in the reader's language, with its arguments when it has any.</summary>
    public static string Explain(this IStringLocalizer text, DomainException broken) =>
        broken.Arguments.Length == 0 ? text[broken.MessageKey] : text[broken.MessageKey, broken.Arguments];
}

/// <summary>
/// An upload over a page's request limit fails while the antiforgery check reads the form, which answers a plain 400;
/// when the declared length is over the limit the sender gets the 413 page that says so, and the log says why.
/// </summary>
public sealed partial class RequestTooLargeFilter(ILogger<RequestTooLargeFilter> logger) : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        var http = context.HttpContext;
        if (context.Result is Microsoft.AspNetCore.Mvc.Core.Infrastructure.IAntiforgeryValidationFailedResult
            && http.Request.ContentLength is { } length
            && (http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                ?? http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize) is { } limit
            && length > limit)
        {
            LogTooLarge(logger, http.Request.Path, length, limit);
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request body too large on {Path}: {Length} bytes over the limit of {Limit}")]
    private static partial void LogTooLarge(ILogger logger, string path, long length, long limit);
}
