using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

/// <summary>
/// A company member's own organizations: ask to be linked, see the decision, and manage the products of
/// each organization staff approved, with certificates that need renewing flagged.
/// </summary>
[Authorize(Roles = Roles.CompanyMember)]
public sealed class MyOrganizationModel(ListMemberships memberships, ListOrganizationProducts products, RequestMembership request,
    InviteColleague colleagues, IAuthorizationService authorization, PublicSite site,
    UserManager<AppUser> users, SearchProducts search) : PageModel, IRedisplayPage
{
    public sealed record Owned(ListMemberships.Mine Membership, IReadOnlyList<ListOrganizationProducts.Row> Products,
        IReadOnlyList<InviteColleague.Open> Invitations);

    public IReadOnlyList<ListMemberships.Mine> Memberships { get; private set; } = [];
    public IReadOnlyList<Owned> Organizations { get; private set; } = [];
    public DateOnly Today => search.Today;

    [BindProperty]
    public string? BusinessNumber { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (BusinessNumber is null && Memberships.Count == 0 && await users.GetUserAsync(User) is { BusinessNumber: { } claimed })
        {
            BusinessNumber = Accounts.BusinessNumber.Format(claimed);
        }
    }

    [ErrorsOn(nameof(BusinessNumber))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await request.HandleAsync(new RequestMembership.Command(User.UserId(), BusinessNumber), cancellationToken);
        TempData["Flash"] = "MyOrganization.Requested";
        return RedirectToPage();
    }

    /// <summary>An approved member invites a colleague by e-mail; the link to send is shown once (and in the colleague's inbox if they have an account).</summary>
    public async Task<IActionResult> OnPostInviteAsync(int organizationId, string? email, CancellationToken cancellationToken)
    {
        await RequireMemberAsync(organizationId);
        var token = await colleagues.InviteAsync(organizationId, email, User.UserId(), cancellationToken);
        TempData["InviteLink"] = site.Link($"/my/organization/invitations/{token}");
        TempData["Flash"] = "Colleague.Invited";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCancelInvitationAsync(int organizationId, int invitationId, CancellationToken cancellationToken)
    {
        await RequireMemberAsync(organizationId);
        await colleagues.CancelAsync(organizationId, invitationId, cancellationToken);
        TempData["Flash"] = "Colleague.Cancelled";
        return RedirectToPage();
    }

    /// <summary>Only who acts for the organization invites for it; refused on the page where the form is.</summary>
    private async Task RequireMemberAsync(int organizationId)
    {
        if (!(await authorization.AuthorizeAsync(User, new OrganizationResource(organizationId), OrganizationOperations.ManageProducts)).Succeeded)
        {
            throw new DomainException("invitation.not-member", "Colleague.NotMember", ProblemKind.Forbidden);
        }
    }

    /// <summary>Certificates expired or expiring within the job's window, which the page flags.</summary>
    public bool NeedsRenewal(SearchProducts.CertificateRow certificate) => certificate.ExpiresOn <= Today.AddDays(FlagExpiringCertificates.WithinDays);

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Memberships = await memberships.ForMemberAsync(User.UserId(), cancellationToken);
        var owned = new List<Owned>();
        foreach (var membership in Memberships.Where(m => m.Status == MembershipStatus.Approved))
        {
            owned.Add(new Owned(membership, await products.HandleAsync(membership.OrganizationId, cancellationToken),
                await colleagues.OpenAsync(membership.OrganizationId, cancellationToken)));
        }
        Organizations = owned;
    }
}
