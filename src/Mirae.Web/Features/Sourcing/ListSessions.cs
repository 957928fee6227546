using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Sourcing;

/// <summary>The sessions, newest first, and one session with its slots (also as an iCalendar file).</summary>
public sealed class ListSessions(AppDbContext db)
{
    public sealed record SessionRow(int Id, string Title, string MaterialCode, string MaterialKo, string MaterialEn, DateTimeOffset StartsAt, string Place,
        string? VideoLink, int Slots, int Booked);

    public sealed record SlotRow(int Id, int Number, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int? BuyerId, string? BuyerKo, int? SupplierId, string? SupplierKo,
        string? Outcome);

    public sealed record Details(SessionRow Session, IReadOnlyList<SlotRow> Slots);

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
