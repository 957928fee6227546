using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mirae.Web.Features.Home;

/// <summary>The friendly page for every error status of a page request (API errors are ProblemDetails).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Duration = 0)]
public sealed class ErrorModel : PageModel
{
    private static readonly int[] Known = [400, 403, 404, 405, 409, 413, 429, 500];

    public int Code { get; private set; }
    public string Kind => Known.Contains(Code) ? Code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "Other";

    // Parameterless on purpose: the page is re-executed with the failed request's method and body, and binding a
    // handler parameter would read that body again (a form that could not be read the first time throws again).
    public void OnGet() => Show();

    public void OnPost() => Show();

    private void Show()
    {
        // /error/404 names its code; a re-executed failure carries it as the status the exception handler chose.
        var code = RouteData.Values["code"] is { } routed && int.TryParse(Convert.ToString(routed, System.Globalization.CultureInfo.InvariantCulture),
            System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError;
        Code = code is < 400 or > 599 ? StatusCodes.Status404NotFound : code;
        Response.StatusCode = Code;
    }
}
