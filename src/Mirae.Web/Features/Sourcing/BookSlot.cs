using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>Members book a slot of a session for their organization, or cancel it (the caller authorized <see cref="SourcingOperations.Book"/>).</summary>
public sealed class BookSlot(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// Books the slot for one of the member's organizations (as buyer or supplier, by its kind). Refused when that side
    /// is taken, or when the organization already holds a slot that overlaps (in any session).
    /// </summary>
    public async Task HandleAsync(int slotId, int organizationId, Guid memberId, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new { o.Kind }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("organization");
        await using var transaction = await db.LockAsync($"bookings:{organizationId}", cancellationToken); // no overlap, in parallel too
        var slot = await db.Set<ConsultationSlot>().SingleOrDefaultAsync(s => s.Id == slotId, cancellationToken) ?? throw new NotFoundException("slot");
        var overlapping = await db.Set<ConsultationSlot>().AnyAsync(s => s.Id != slotId && (s.BuyerId == organizationId || s.SupplierId == organizationId)
            && s.StartsAt < slot.EndsAt && slot.StartsAt < s.EndsAt, cancellationToken);
        if (overlapping || slot.BuyerId == organizationId || slot.SupplierId == organizationId)
        {
            throw new DomainException("slot.double-booked", "Slot.DoubleBooked");
        }
        slot.Book(organizationId, organization.Kind == OrganizationKind.Buyer, clock.GetUtcNow());
        audit.Add(AuditActions.SlotBooked, $"slot:{slotId}", $"organization:{organizationId}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("slot.taken", "Slot.Taken");
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task CancelAsync(int slotId, int organizationId, Guid memberId, CancellationToken cancellationToken)
    {
        var slot = await db.Set<ConsultationSlot>().SingleOrDefaultAsync(s => s.Id == slotId, cancellationToken) ?? throw new NotFoundException("slot");
        slot.Cancel(organizationId, clock.GetUtcNow());
        audit.Add(AuditActions.SlotBooked, $"slot:{slotId}", $"cancelled by organization:{organizationId}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The organizations the member may book for (approved buyer and supplier memberships).</summary>
    public async Task<IReadOnlyList<(int Id, string NameKo, OrganizationKind Kind)>> BookersAsync(Guid? memberId, CancellationToken cancellationToken) =>
        memberId is not { } id ? [] : (await db.OrganizationsOfAsync(id, cancellationToken)).Where(o => o.Kind != OrganizationKind.Institution).ToList();
}
