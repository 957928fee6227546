using System.Text;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Audit;

/// <summary>The audit log as administrators search it: by who, what, which subject, from where and when, newest first.</summary>
public sealed class ReadAuditLog(AppDbContext db)
{
    /// <summary>The most rows one CSV holds (the newest that match).</summary>
    public const int CsvLimit = 10_000;

    /// <param name="Actor">part of the actor's e-mail; <paramref name="Subject"/> part of the subject; <paramref name="Address"/> the start of the client address.</param>
    public sealed record Filter(string? Actor, string? Action, string? Subject, string? Address, DateOnly? From, DateOnly? To);

    public sealed record Row(long Id, DateTimeOffset At, string Actor, string Action, string Subject, string Detail, string IpAddress);

    public async Task<PagedList<Row>> PageAsync(Filter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = Apply(filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).Select(ToRow).ToListAsync(cancellationToken);
        return new PagedList<Row>(rows, total, page, pageSize);
    }

    /// <summary>The distinct actions recorded, for the filter's list.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken) =>
        await db.AuditEvents.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);

    /// <summary>The newest <see cref="CsvLimit"/> matching entries as CSV for Excel (UTF-8 with BOM, formulas neutralised).</summary>
    public async Task<byte[]> CsvAsync(Filter filter, Func<string, string> text, CancellationToken cancellationToken)
    {
        var csv = new StringBuilder();
        csv.AppendLine(CsvExport.Line([text("AuditLog.At"), text("AuditLog.Actor"), text("AuditLog.Action"), text("AuditLog.Subject"), text("AuditLog.Detail"),
            text("AuditLog.Address")]));
        await foreach (var row in Apply(filter).OrderByDescending(e => e.Id).Take(CsvLimit).Select(ToRow).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.AppendLine(CsvExport.Line([Kst.DateTimeSeconds(row.At), row.Actor, row.Action, row.Subject, row.Detail, row.IpAddress]));
        }
        return CsvExport.Bytes(csv.ToString());
    }

    private static readonly System.Linq.Expressions.Expression<Func<AuditEvent, Row>> ToRow =
        e => new Row(e.Id, e.At, e.Actor, e.Action, e.Subject, e.Detail, e.IpAddress);

    private IQueryable<AuditEvent> Apply(Filter filter)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            // As typed, or lower-cased: addresses are mostly written in lower case, and a typed capital should still find them.
            var (actor, lower) = (filter.Actor.Trim(), filter.Actor.Trim().ToLowerInvariant());
            events = events.Where(e => e.Actor.Contains(actor) || e.Actor.Contains(lower));
        }
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            events = events.Where(e => e.Action == filter.Action);
        }
        if (!string.IsNullOrWhiteSpace(filter.Subject))
        {
            var subject = filter.Subject.Trim();
            events = events.Where(e => e.Subject.Contains(subject));
        }
        if (!string.IsNullOrWhiteSpace(filter.Address))
        {
            var address = filter.Address.Trim();
            events = events.Where(e => e.IpAddress.StartsWith(address));
        }
        // Days are Korean days: from 00:00 KST of the first to 00:00 KST after the last.
        if (filter.From is { } from)
        {
            var start = Kst.StartOfDay(from);
            events = events.Where(e => e.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = Kst.StartOfDay(to.AddDays(1));
            events = events.Where(e => e.At < end);
        }
        return events;
    }
}
