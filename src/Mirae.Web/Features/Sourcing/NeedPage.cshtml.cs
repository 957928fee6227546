using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>One need and its matched supplier products, ranked with reasons; suppliers express interest, the buyer reads it.</summary>
[AllowAnonymous]
public sealed class NeedPageModel(Needs needs, Consultations consultations, IStringLocalizer<SharedResource> text) : PageModel, IRedisplayPage
{
    public Needs.Details Need { get; private set; } = null!;
    public IReadOnlyList<Match> Matches { get; private set; } = [];
    public IReadOnlyList<Needs.InterestRow> Interests { get; private set; } = [];
    /// <summary>The member's supplier organizations, who may express interest.</summary>
    public IReadOnlyList<(int Id, string NameKo)> Suppliers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInterestAsync(int id, int supplierId, string? message, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        await needs.ExpressInterestAsync(id, supplierId, message ?? "", User, cancellationToken);
        TempData["Flash"] = text["Interest.Sent"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken) =>
        await LoadAsync(this.RouteId(), cancellationToken) ? Page() : NotFound();

    public string? FieldFor(DomainException broken) => broken.Code == "interest.message-required" ? "message" : null;

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await needs.GetAsync(id, User, cancellationToken) is not { } need)
        {
            return false;
        }
        Need = need;
        Matches = await needs.MatchAsync(need.Need, Needs.DefaultLimit, cancellationToken);
        Interests = await needs.InterestsAsync(need, User, cancellationToken);
        Suppliers = (await consultations.BookersAsync(User, cancellationToken)).Where(b => b.Kind == OrganizationKind.Supplier).Select(b => (b.Id, b.NameKo)).ToList();
        return true;
    }
}
