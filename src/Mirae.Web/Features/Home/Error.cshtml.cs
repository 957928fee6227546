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
    private static readonly int[] Known = [400, 403, 404, 405, 429, 500];

    public int Code { get; private set; }
    public string Kind => Known.Contains(Code) ? Code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "Other";

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        Code = code ?? StatusCodes.Status500InternalServerError;
        if (Code is < 400 or > 599)
        {
            Code = StatusCodes.Status404NotFound;
        }
        Response.StatusCode = Code;
    }
}
