using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Audit;

/// <summary>
/// Marks a page or API endpoint that shows personal data. Every successful GET of it is logged as
/// <see cref="AuditActions.PersonalDataViewed"/> (who, when, from where, what: the subject and the query), in one place
/// (<see cref="PersonalDataPageFilter"/>, <see cref="PersonalDataEndpointFilter"/>), unless the reader is the data's
/// own subject (<see cref="PersonalData.ReadByItsSubject"/>). <paramref name="subject"/> may name route values:
/// <c>application:{id}</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ShowsPersonalDataAttribute(string subject) : Attribute
{
    public string Subject { get; } = subject;
}

public static class PersonalData
{
    private const string OwnKey = "mirae:personal-data-own";
    private const string SubjectKey = "mirae:personal-data-subject";

    /// <summary>Names the subject when the route does not (an evaluator's sheet is about an application).</summary>
    public static void About(HttpContext context, string subject) => context.Items[SubjectKey] = subject;

    /// <summary>The reader is the data's subject (a member reading their own organization's application): not logged.</summary>
    public static void ReadByItsSubject(HttpContext context) => context.Items[OwnKey] = true;

    internal static async Task LogAsync(HttpContext context, ShowsPersonalDataAttribute marker, bool download)
    {
        if (context.Items.ContainsKey(OwnKey))
        {
            return;
        }
        var subject = context.Items[SubjectKey] as string ?? marker.Subject;
        foreach (var (key, value) in context.Request.RouteValues)
        {
            subject = subject.Replace("{" + key + "}", Convert.ToString(value, CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        var query = string.Join(' ', context.Request.Query.Where(q => q.Key != "handler").Select(q => $"{q.Key}={q.Value}"));
        var services = context.RequestServices;
        services.GetRequiredService<AuditLog>().Add(AuditActions.PersonalDataViewed, subject, $"{(download ? "download" : "view")} {query}".TrimEnd());
        await services.GetRequiredService<AppDbContext>().SaveChangesAsync(context.RequestAborted);
    }
}

/// <summary>Logs the successful GETs of pages marked <see cref="ShowsPersonalDataAttribute"/>.</summary>
public sealed class PersonalDataPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method) || executed.Exception is not null
            || context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ShowsPersonalDataAttribute>() is not { } marker)
        {
            return;
        }
        var shown = executed.Result switch
        {
            Microsoft.AspNetCore.Mvc.RazorPages.PageResult or null => (bool?)false,
            FileResult => true,
            ContentResult or JsonResult => false,
            _ => null, // redirect, challenge, forbid, not found: nothing was shown
        };
        if (shown is { } download)
        {
            await PersonalData.LogAsync(context.HttpContext, marker, download);
        }
    }
}

/// <summary>Logs the successful responses of API endpoints marked <see cref="ShowsPersonalDataAttribute"/>.</summary>
public sealed class PersonalDataEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ShowsPersonalDataAttribute>() is { } marker
            && (result is INestedHttpResult nested ? nested.Result : result) is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 })
        {
            await PersonalData.LogAsync(context.HttpContext, marker, download: false);
        }
        return result;
    }
}
