using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>A supplier's member tells the buyer the supplier is interested in a need it may see (the caller authorized <see cref="SourcingOperations.ActAsSupplier"/>).</summary>
public sealed class ExpressInterest(AppDbContext db, AuditLog audit, Notifications.Notify notify, TimeProvider clock)
{
    /// <summary>The supplier expresses interest in a need it may see, with a message; the buyer's members are notified.</summary>
    public async Task HandleAsync(int needId, int supplierId, string message, Guid memberId, CancellationToken cancellationToken)
    {
        var need = await (await db.VisibleNeedsAsync(memberId, cancellationToken)).Where(n => n.Id == needId && n.Status == NeedStatus.Open).Select(n => new { n.Id, n.BuyerId, n.Title })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("need");
        if (await db.NeedInterests.AnyAsync(i => i.NeedId == needId && i.SupplierId == supplierId, cancellationToken))
        {
            throw new DomainException("interest.duplicate", "Interest.Duplicate");
        }
        db.NeedInterests.Add(NeedInterest.Express(needId, supplierId, message, memberId, clock.GetUtcNow()));
        var supplier = await db.Organizations.Where(o => o.Id == supplierId).Select(o => new { o.NameKo, o.NameEn }).SingleAsync(cancellationToken);
        await notify.AddAsync(await db.Memberships.ApprovedMemberIds(need.BuyerId).ToListAsync(cancellationToken), $"need:{needId}:interest:{supplierId}",
            "Notification.NeedInterest", $"/needs/{needId}", [Notify.Both(supplier.NameKo, supplier.NameEn), need.Title], cancellationToken);
        audit.Add(AuditActions.NeedInterest, $"need:{needId}", $"supplier:{supplierId}");
        await db.SaveChangesAsync(cancellationToken);
    }
}
