using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>Staff record what a consultation slot came to.</summary>
public sealed class RecordSlotOutcome(AppDbContext db, AuditLog audit)
{
    public async Task HandleAsync(int slotId, string outcome, CancellationToken cancellationToken)
    {
        var slot = await db.Set<ConsultationSlot>().SingleOrDefaultAsync(s => s.Id == slotId, cancellationToken) ?? throw new NotFoundException("slot");
        slot.RecordOutcome(outcome);
        audit.Add(AuditActions.SlotOutcome, $"slot:{slotId}", outcome.Trim());
        await db.SaveChangesAsync(cancellationToken);
    }
}
