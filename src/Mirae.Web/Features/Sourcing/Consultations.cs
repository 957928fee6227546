using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>Pre-consultation sessions: staff schedule them per item, buyers and suppliers book slots, staff record outcomes.</summary>
public sealed class Consultations(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public sealed record SessionRow(int Id, string Title, string MaterialCode, string MaterialKo, string MaterialEn, DateTimeOffset StartsAt, string Place,
        string? VideoLink, int Slots, int Booked);

    public sealed record SlotRow(int Id, int Number, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int? BuyerId, string? BuyerKo, int? SupplierId, string? SupplierKo,
        string? Outcome);

    public sealed record Details(SessionRow Session, IReadOnlyList<SlotRow> Slots);

    public async Task<int> ScheduleAsync(int materialId, string title, string place, string? videoLink, DateTimeOffset startsAt, int slotMinutes, int slots,
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

    public async Task<IReadOnlyList<SessionRow>> ListAsync(CancellationToken cancellationToken) =>
        await Rows(db.ConsultationSessions.AsNoTracking().OrderByDescending(s => s.StartsAt).ThenByDescending(s => s.Id)).ToListAsync(cancellationToken);

    public async Task<Details?> GetAsync(int id, CancellationToken cancellationToken)
    {
        var session = await Rows(db.ConsultationSessions.AsNoTracking().Where(s => s.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return null;
        }
        var slots = await db.ConsultationSessions.AsNoTracking().Where(s => s.Id == id).SelectMany(s => s.Slots).OrderBy(s => s.Number)
            .Select(s => new SlotRow(s.Id, s.Number, s.StartsAt, s.EndsAt, s.BuyerId, db.Organizations.Where(o => o.Id == s.BuyerId).Select(o => o.NameKo).FirstOrDefault(),
                s.SupplierId, db.Organizations.Where(o => o.Id == s.SupplierId).Select(o => o.NameKo).FirstOrDefault(), s.Outcome))
            .ToListAsync(cancellationToken);
        return new Details(session, slots);
    }

    /// <summary>
    /// Books the slot for one of the member's organizations (as buyer or supplier, by its kind). Refused when that side
    /// is taken, or when the organization already holds a slot that overlaps (in any session).
    /// </summary>
    public async Task BookAsync(int slotId, int organizationId, Guid memberId, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new { o.Kind }).SingleOrDefaultAsync(cancellationToken);
        if (organization is null || organization.Kind == OrganizationKind.Institution || !await db.Memberships.IsApprovedMemberAsync(memberId, organizationId, cancellationToken))
        {
            throw new DomainException("slot.not-member", "Slot.NotMember", ProblemKind.Forbidden);
        }
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
    }

    public async Task CancelAsync(int slotId, int organizationId, Guid memberId, CancellationToken cancellationToken)
    {
        if (!await db.Memberships.IsApprovedMemberAsync(memberId, organizationId, cancellationToken))
        {
            throw new DomainException("slot.not-member", "Slot.NotMember", ProblemKind.Forbidden);
        }
        var slot = await db.Set<ConsultationSlot>().SingleOrDefaultAsync(s => s.Id == slotId, cancellationToken) ?? throw new NotFoundException("slot");
        slot.Cancel(organizationId, clock.GetUtcNow());
        audit.Add(AuditActions.SlotBooked, $"slot:{slotId}", $"cancelled by organization:{organizationId}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordOutcomeAsync(int slotId, string outcome, CancellationToken cancellationToken)
    {
        var slot = await db.Set<ConsultationSlot>().SingleOrDefaultAsync(s => s.Id == slotId, cancellationToken) ?? throw new NotFoundException("slot");
        slot.RecordOutcome(outcome);
        audit.Add(AuditActions.SlotOutcome, $"slot:{slotId}", outcome.Trim());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The organizations the member may book for (approved buyer and supplier memberships).</summary>
    public async Task<IReadOnlyList<(int Id, string NameKo, OrganizationKind Kind)>> BookersAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [];
        }
        return (await db.OrganizationsOfAsync(user.UserId(), cancellationToken)).Where(o => o.Kind != OrganizationKind.Institution).ToList();
    }

    /// <summary>The session as an iCalendar file (RFC 5545): one event per slot, times in UTC.</summary>
    public static string Ics(Details details, string host)
    {
        var s = details.Session;
        var ics = new StringBuilder();
        void Line(string text) => ics.Append(text).Append("\r\n");
        static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Incheon Mirae//Consultations//KO");
        Line("CALSCALE:GREGORIAN");
        foreach (var slot in details.Slots)
        {
            Line("BEGIN:VEVENT");
            Line($"UID:slot-{slot.Id}@{host}");
            Line($"DTSTAMP:{Utc(s.StartsAt)}");
            Line($"DTSTART:{Utc(slot.StartsAt)}");
            Line($"DTEND:{Utc(slot.EndsAt)}");
            Line($"SUMMARY:{Escape($"{s.Title} #{slot.Number}")}");
            Line($"LOCATION:{Escape(s.VideoLink ?? s.Place)}");
            Line($"DESCRIPTION:{Escape($"{s.MaterialCode} {s.MaterialKo}. {s.Place} {s.VideoLink}".Trim())}");
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return ics.ToString();
    }

    private IQueryable<SessionRow> Rows(IQueryable<ConsultationSession> sessions) =>
        from s in sessions
        join m in db.Materials on s.MaterialId equals m.Id
        select new SessionRow(s.Id, s.Title, m.Code, m.NameKo, m.NameEn, s.StartsAt, s.Place, s.VideoLink, s.Slots.Count,
            s.Slots.Count(x => x.BuyerId != null || x.SupplierId != null));
}
