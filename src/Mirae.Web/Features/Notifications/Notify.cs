using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Notifications;

/// <summary>Puts notifications in members' inboxes as part of the caller's unit of work (the caller saves).</summary>
public sealed class Notify(AppDbContext db, TimeProvider clock)
{
    /// <summary>Adds the notification for each recipient who does not have one with this key yet; returns how many were added.</summary>
    public async Task<int> AddAsync(IReadOnlyCollection<Guid> recipients, string key, string messageKey, string? link, IReadOnlyList<string> arguments,
        CancellationToken cancellationToken = default)
    {
        if (recipients.Count == 0)
        {
            return 0;
        }
        var already = await db.Notifications.Where(n => n.Key == key && recipients.Contains(n.RecipientId)).Select(n => n.RecipientId)
            .ToListAsync(cancellationToken);
        // Added earlier in this unit of work and not saved yet.
        already.AddRange(db.Notifications.Local.Where(n => n.Key == key).Select(n => n.RecipientId));
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var recipient in recipients.Distinct().Except(already))
        {
            db.Notifications.Add(Notification.Create(recipient, key, messageKey, arguments, link, now));
            added++;
        }
        return added;
    }
}
