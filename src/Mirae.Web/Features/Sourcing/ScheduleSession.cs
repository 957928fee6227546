using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>Staff schedule a pre-consultation session for one item, with its slots.</summary>
public sealed class ScheduleSession(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<int> HandleAsync(int materialId, string title, string place, string? videoLink, DateTimeOffset startsAt, int slotMinutes, int slots,
        CancellationToken cancellationToken)
    {
        if (!await db.Materials.AnyAsync(m => m.Id == materialId, cancellationToken))
        {
            throw new DomainException("need.material-unknown", "Need.MaterialUnknown", ProblemKind.Invalid);
        }
        var session = ConsultationSession.Schedule(materialId, title, place, videoLink, startsAt, slotMinutes, slots, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken); // the audit names the new id
        db.ConsultationSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(AuditActions.SessionScheduled, $"session:{session.Id}", session.Title);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return session.Id;
    }
}
