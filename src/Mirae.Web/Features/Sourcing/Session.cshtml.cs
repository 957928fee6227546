using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>
/// One session: its slots, booking and cancelling for the member's buyer or supplier organization, outcomes for staff,
/// and the session as an .ics file. Who booked a slot is shown to staff and to the booked organizations only.
/// </summary>
[AllowAnonymous]
public sealed class SessionModel(IAuthorizationService authorization, ListSessions sessions, BookSlot booking, RecordSlotOutcome outcomes, PublicSite site, IStringLocalizer<SharedResource> text) : PageModel, IRedisplayPage
{
    public ListSessions.Details Details { get; private set; } = null!;
    public IReadOnlyList<(int Id, string NameKo, OrganizationKind Kind)> Bookers { get; private set; } = [];
    public bool IsStaff => User.IsProgramStaff();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetIcsAsync(int id, CancellationToken cancellationToken)
    {
        if (await sessions.GetAsync(id, cancellationToken) is not { } details)
        {
            return NotFound();
        }
        return File(System.Text.Encoding.UTF8.GetBytes(ListSessions.Ics(details, site.Host)), "text/calendar; charset=utf-8", $"mirae-consultation-{id}.ics");
    }

    public Task<IActionResult> OnPostBookAsync(int id, int slotId, int organizationId, CancellationToken cancellationToken) =>
        RunAsync(id, async () =>
        {
            await authorization.RequireAsync(User, organizationId, SourcingOperations.Book, "slot.not-member", "Slot.NotMember");
            await booking.HandleAsync(slotId, organizationId, User.UserId(), cancellationToken);
        }, "Slot.BookedDone", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(int id, int slotId, int organizationId, CancellationToken cancellationToken) =>
        RunAsync(id, async () =>
        {
            await authorization.RequireAsync(User, organizationId, SourcingOperations.Book, "slot.not-member", "Slot.NotMember");
            await booking.CancelAsync(slotId, organizationId, User.UserId(), cancellationToken);
        }, "Slot.Cancelled", cancellationToken);

    /// <summary>Staff only (the page itself is public; posting needs a signed-in member, and this handler staff).</summary>
    public async Task<IActionResult> OnPostOutcomeAsync(int id, int slotId, string? outcome, CancellationToken cancellationToken) =>
        User.Identity?.IsAuthenticated == true && !IsStaff
            ? Forbid()
            : await RunAsync(id, () => outcomes.HandleAsync(slotId, outcome ?? "", cancellationToken), "Slot.OutcomeRecorded", cancellationToken);

    /// <summary>Signed-in members only; success redirects (post/redirect/get), a broken rule shows on this page (<see cref="PageFailureFilter"/>).</summary>
    private async Task<IActionResult> RunAsync(int id, Func<Task> action, string done, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        await action();
        TempData["Flash"] = text[done].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken) =>
        await LoadAsync(this.RouteId(), cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await sessions.GetAsync(id, cancellationToken) is not { } details)
        {
            return false;
        }
        Details = details;
        Bookers = await booking.BookersAsync(User.ViewerId(), cancellationToken);
        return true;
    }
}
