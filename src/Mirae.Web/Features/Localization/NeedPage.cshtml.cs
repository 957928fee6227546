using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mirae.Web.Features.Localization;

/// <summary>One need and its matched supplier products, ranked, each with its reasons.</summary>
[AllowAnonymous]
public sealed class NeedPageModel(Needs needs) : PageModel
{
    public Needs.Details Need { get; private set; } = null!;
    public IReadOnlyList<Match> Matches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await needs.GetAsync(id, User, cancellationToken) is not { } need)
        {
            return NotFound();
        }
        Need = need;
        Matches = await needs.MatchAsync(need.Need, Needs.DefaultLimit, cancellationToken);
        return Page();
    }
}
