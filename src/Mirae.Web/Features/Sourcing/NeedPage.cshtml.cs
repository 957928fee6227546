using Mirae.Web.Features.Accounts;
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
public sealed class NeedPageModel(IAuthorizationService authorization, GetNeed get, MatchNeeds matching, ExpressInterest express, BookSlot booking, IStringLocalizer<SharedResource> text) : PageModel, IRedisplayPage
{
    public GetNeed.Details Need { get; private set; } = null!;
    public IReadOnlyList<Match> Matches { get; private set; } = [];
    public IReadOnlyList<GetNeed.InterestRow> Interests { get; private set; } = [];
    /// <summary>The member's supplier organizations, who may express interest.</summary>
    public IReadOnlyList<(int Id, string NameKo)> Suppliers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInterestAsync(int id, int supplierId, string? message, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        await authorization.RequireAsync(User, supplierId, SourcingOperations.ActAsSupplier, "interest.not-supplier", "Interest.NotSupplier");
        await express.HandleAsync(id, supplierId, message ?? "", User.UserId(), cancellationToken);
        TempData["Flash"] = text["Interest.Sent"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken) =>
        await LoadAsync(this.RouteId(), cancellationToken) ? Page() : NotFound();

    public string? FieldFor(DomainException broken) => broken.Code == "interest.message-required" ? "message" : null;

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await get.HandleAsync(id, User.ViewerId(), cancellationToken) is not { } need)
        {
            return false;
        }
        Need = need;
        Matches = await matching.HandleAsync(need.Need, MatchNeeds.DefaultLimit, cancellationToken);
        Interests = await get.InterestsAsync(need, User.ViewerId(), cancellationToken);
        Suppliers = (await booking.BookersAsync(User.ViewerId(), cancellationToken)).Where(b => b.Kind == OrganizationKind.Supplier).Select(b => (b.Id, b.NameKo)).ToList();
        return true;
    }
}
