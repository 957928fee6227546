using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Mirae.Web.Infrastructure;

/// <summary>
/// The one failure mapping for <c>/api/…</c>: every error is ProblemDetails with a stable <c>code</c>.
/// Pages are left to the friendly error page (<c>/error/{status}</c>).
/// </summary>
public static class ApiProblems
{
    public const string ValidationFailed = "validation_failed";

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public static string CodeFor(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "too_many_requests",
        _ when status >= 500 => "internal_error",
        _ => "error",
    };

    /// <summary>The status code of a broken rule's kind: the one place a <see cref="ProblemKind"/> becomes HTTP.</summary>
    public static int StatusFor(ProblemKind kind) => kind switch
    {
        ProblemKind.Invalid => StatusCodes.Status400BadRequest,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ProblemKind.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
        ProblemKind.Unsatisfiable => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status409Conflict,
    };

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Extensions.TryAdd("code", CodeFor(status));
        problem.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
    }

    /// <summary>A 400 with field errors, as <c>validation_failed</c>.</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, extensions: new Dictionary<string, object?> { ["code"] = ValidationFailed });
}

public sealed partial class ApiExceptionHandler(IStringLocalizer<SharedResource> text, ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The request path is already the error page's here; the feature keeps the one that failed.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value ?? "";
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Races.IsLostRace(exception))
        {
            exception = Races.AsConflict();
        }
        var (status, code, detail) = exception switch
        {
            DomainException e => (ApiProblems.StatusFor(e.Kind), e.Code, text.Explain(e)),
            NotFoundException => (StatusCodes.Status404NotFound, "not_found", text["Problem.NotFound"].Value),
            BadHttpRequestException e => (e.StatusCode, ApiProblems.CodeFor(e.StatusCode), text["Problem.BadRequest"].Value),
            _ => (StatusCodes.Status500InternalServerError, "internal_error", text["Problem.Internal"].Value),
        };
        if (status >= 500)
        {
            LogUnhandled(logger, exception, path);
        }

        var problem = new ProblemDetails { Status = status, Detail = detail, Extensions = { ["code"] = code, ["traceId"] = httpContext.TraceIdentifier } };
        await TypedResults.Problem(problem).ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled API error on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
