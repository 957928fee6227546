using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Administration;
using Mirae.Web.Features.Audit;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

/// <summary>Program staff decide who acts for which organization. Viewing the list is a personal-data access and is audited.</summary>
[Authorize(Policy = AdministrationPolicies.ProgramStaff)]
[ShowsPersonalData("memberships")]
public sealed class MembershipsModel(ListMemberships list, DecideMembership decide)
    : PageModel, IRedisplayPage
{
    [BindProperty(SupportsGet = true)]
    public MembershipStatus? Status { get; set; } = MembershipStatus.Pending;

    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    public PagedList<ListMemberships.Row> Memberships { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(int membershipId, DecideMembership.Decision decision, string? reason, CancellationToken cancellationToken)
    {
        await decide.HandleAsync(new DecideMembership.Command(membershipId, decision, reason, User.UserId()), cancellationToken);
        TempData["Flash"] = "Memberships.Decided." + decision;
        return RedirectToPage(new { status = Status, pageNumber = PageNumber });
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Clamp(PageNumber, 20);
        Memberships = await list.HandleAsync(Status, page, size, cancellationToken);
    }
}
