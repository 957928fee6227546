using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

/// <summary>The colleague opens the invitation signed in and accepts it with a button (mail scanners open links; they do not press buttons).</summary>
[Authorize]
public sealed class AcceptColleagueModel(InviteColleague colleagues) : PageModel, IRedisplayPage
{
    public Organization? Organization { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Organization = await colleagues.PeekAsync(token, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        await colleagues.AcceptAsync(token, User.UserId(), cancellationToken);
        TempData["Flash"] = "Colleague.Accepted";
        return Redirect("/my/organization");
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        Organization = await colleagues.PeekAsync(RouteData.Values["token"] as string ?? "", cancellationToken);
        return Page();
    }
}
