using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Notices;

[AllowAnonymous]
public sealed class DetailsModel(GetNotice get) : PageModel
{
    public GetNotice.Details Notice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var notice = await get.HandleAsync(id, Language.IsEnglish, cancellationToken);
        if (notice is null)
        {
            return NotFound();
        }
        Notice = notice;
        return Page();
    }
}
