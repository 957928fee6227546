using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Notifications;

/// <summary>The signed-in member's notifications; any signed-in member has an inbox (the fallback policy requires sign-in).</summary>
public sealed class InboxModel(ListNotifications list, AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    public PagedList<ListNotifications.Row> Notifications { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Clamp(PageNumber, 20);
        Notifications = await list.HandleAsync(User.UserId(), page, size, cancellationToken);
    }

    /// <summary>Marks one notification read and goes to what it is about (only ever a local path).</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        if (await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.RecipientId == userId, cancellationToken) is not { } notification)
        {
            return NotFound();
        }
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return notification.Link is { } link && Url.IsLocalUrl(link) ? LocalRedirect(link) : RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.RecipientId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        TempData["Flash"] = "Inbox.AllRead";
        return RedirectToPage();
    }
}
