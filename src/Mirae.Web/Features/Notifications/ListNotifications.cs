using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Notifications;

/// <summary>A member's inbox, newest first, and the unread count shown in the header.</summary>
public sealed class ListNotifications(AppDbContext db)
{
    public sealed record Row(long Id, string MessageKey, IReadOnlyList<string> Arguments, string? Link, DateTimeOffset CreatedAt, bool Read);

    public async Task<PagedList<Row>> HandleAsync(Guid recipientId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == recipientId);
        var rows = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(n => new Row(n.Id, n.MessageKey, n.Arguments, n.Link, n.CreatedAt, n.ReadAt != null)).ToListAsync(cancellationToken);
        return new PagedList<Row>(rows, await mine.CountAsync(cancellationToken), page, pageSize);
    }

    public Task<int> UnreadAsync(Guid recipientId, CancellationToken cancellationToken = default) =>
        db.Notifications.CountAsync(n => n.RecipientId == recipientId && n.ReadAt == null, cancellationToken);
}
