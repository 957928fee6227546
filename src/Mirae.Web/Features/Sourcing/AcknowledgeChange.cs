using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>An addressed buyer acknowledges a change notice (the caller authorized <see cref="SourcingOperations.ActAsBuyer"/>).</summary>
public sealed class AcknowledgeChange(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task HandleAsync(int noticeId, int buyerId, Guid memberId, CancellationToken cancellationToken)
    {
        var notice = await db.ChangeNotices.Include(n => n.Acknowledgements).SingleOrDefaultAsync(n => n.Id == noticeId, cancellationToken)
            ?? throw new NotFoundException("change notice");
        notice.Acknowledge(buyerId, memberId, clock.GetUtcNow());
        audit.Add(AuditActions.ChangeAcknowledged, $"change:{noticeId}", $"buyer:{buyerId}");
        await db.SaveChangesAsync(cancellationToken);
    }
}
