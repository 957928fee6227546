using System.Text;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>Where a localization target stands for one buyer, each stage implying the ones before it.</summary>
public enum Stage
{
    Candidate,
    SupplierIdentified,
    InConsultation,
    SampleUnderTest,
    Qualified,
    Supplying,
}

/// <summary>The facts about one target and one buyer that the stage is computed from.</summary>
public sealed record StageFacts(bool NeedWithSupplier, bool Consulted, bool Tested, bool Qualified, bool Supplying);

/// <summary>
/// The localization indicator the city reports (국산화율): per target and buyer, the stage computed from what happened
/// on the platform; the rate of targets with at least one qualified domestic supplier, also weighted by import value;
/// the funnel of targets by the furthest stage reached; and each item's timeline.
/// </summary>
public sealed class LocalizationProgress(AppDbContext db)
{
    /// <summary>
    /// The furthest stage the facts show: supplying (an approved or conditional qualification with supply started),
    /// qualified (approved or conditional), sample under test (any qualification record), in consultation (a booked
    /// meeting on the item), supplier identified (a need posted for the item that the directory has products of).
    /// </summary>
    public static Stage StageOf(StageFacts facts) =>
        facts.Supplying ? Stage.Supplying
        : facts.Qualified ? Stage.Qualified
        : facts.Tested ? Stage.SampleUnderTest
        : facts.Consulted ? Stage.InConsultation
        : facts.NeedWithSupplier ? Stage.SupplierIdentified
        : Stage.Candidate;

    public sealed record Target(int MaterialId, string Code, string NameKo, string NameEn, long? ImportValue, Stage Furthest);

    public sealed record Pair(int MaterialId, string Code, int BuyerId, string BuyerKo, Stage Stage);

    /// <summary>One event on an item; <paramref name="Decision"/> is the qualification's outcome when the event is one.</summary>
    public sealed record Happening(DateOnly On, string BuyerKo, string What, Stage Reaches, QualificationDecision? Decision = null);

    public sealed record Report(IReadOnlyList<Target> Targets, IReadOnlyList<Pair> Pairs, decimal Rate, decimal WeightedRate, IReadOnlyList<(Stage Stage, int Targets)> Funnel)
    {
        public int Localized => Targets.Count(t => t.Furthest >= Stage.Qualified);
    }

    public async Task<Report> ReportAsync(CancellationToken cancellationToken)
    {
        var targets = await db.Materials.AsNoTracking().Where(m => m.LocalizationTargetYear != null).OrderBy(m => m.Code)
            .Select(m => new { m.Id, m.Code, m.NameKo, m.NameEn, m.AnnualImportValue }).ToListAsync(cancellationToken);
        var ids = targets.Select(t => t.Id).ToList();
        var withProducts = (await db.Products.Where(p => ids.Contains(p.MaterialId)).Select(p => p.MaterialId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var needs = await db.Needs.AsNoTracking().Where(n => ids.Contains(n.MaterialId)).Select(n => new { n.BuyerId, n.MaterialId }).Distinct().ToListAsync(cancellationToken);
        var meetings = await db.Set<ConsultationSlot>().AsNoTracking().Where(x => x.BuyerId != null)
            .Join(db.ConsultationSessions.Where(s => ids.Contains(s.MaterialId)), x => x.SessionId, s => s.Id, (x, s) => new { BuyerId = x.BuyerId!.Value, s.MaterialId })
            .Distinct().ToListAsync(cancellationToken);
        var qualifications = await db.Qualifications.AsNoTracking().Join(db.Products.Where(p => ids.Contains(p.MaterialId)), q => q.ProductId, p => p.Id,
            (q, p) => new { q.BuyerId, p.MaterialId, q.Decision, q.SupplyingSince }).ToListAsync(cancellationToken);
        var buyers = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Buyer).ToDictionaryAsync(o => o.Id, o => o.NameKo, cancellationToken);

        var needed = needs.Select(n => (n.BuyerId, n.MaterialId)).ToHashSet();
        var met = meetings.Select(m => (m.BuyerId, m.MaterialId)).ToHashSet();
        var keys = needed.Concat(met)
            .Concat(qualifications.Select(q => (q.BuyerId, q.MaterialId))).Distinct().Where(k => buyers.ContainsKey(k.BuyerId)).ToList();
        var codes = targets.ToDictionary(t => t.Id, t => t.Code);
        var pairs = keys.Select(k =>
        {
            var own = qualifications.Where(q => q.BuyerId == k.BuyerId && q.MaterialId == k.MaterialId).ToList();
            var qualified = own.Any(q => q.Decision is QualificationDecision.Approved or QualificationDecision.Conditional);
            var facts = new StageFacts(needed.Contains(k) && withProducts.Contains(k.MaterialId), met.Contains(k),
                own.Count > 0, qualified, own.Any(q => q.SupplyingSince is not null && q.Decision is QualificationDecision.Approved or QualificationDecision.Conditional));
            return new Pair(k.MaterialId, codes[k.MaterialId], k.BuyerId, buyers[k.BuyerId], StageOf(facts));
        }).OrderBy(p => p.Code, StringComparer.Ordinal).ThenBy(p => p.BuyerKo, StringComparer.Ordinal).ToList();

        var rows = targets.Select(t => new Target(t.Id, t.Code, t.NameKo, t.NameEn, t.AnnualImportValue,
            pairs.Where(p => p.MaterialId == t.Id).Select(p => p.Stage).DefaultIfEmpty(Stage.Candidate).Max())).ToList();
        var localized = rows.Count(t => t.Furthest >= Stage.Qualified);
        var totalImport = rows.Sum(t => t.ImportValue ?? 0);
        var localizedImport = rows.Where(t => t.Furthest >= Stage.Qualified).Sum(t => t.ImportValue ?? 0);
        var funnel = Enum.GetValues<Stage>().Select(s => (s, rows.Count(t => t.Furthest >= s))).ToList();
        return new Report(rows, pairs, rows.Count == 0 ? 0 : Math.Round(100m * localized / rows.Count, 1),
            totalImport == 0 ? 0 : Math.Round(100m * localizedImport / totalImport, 1), funnel);
    }

    /// <summary>What happened on one item, oldest first, with the stage each event brings its buyer to.</summary>
    public async Task<IReadOnlyList<Happening>> TimelineAsync(int materialId, CancellationToken cancellationToken)
    {
        var buyers = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Buyer).ToDictionaryAsync(o => o.Id, o => o.NameKo, cancellationToken);
        var events = new List<Happening>();
        foreach (var n in await db.Needs.AsNoTracking().Where(n => n.MaterialId == materialId).Select(n => new { n.BuyerId, n.CreatedAt, n.Title }).ToListAsync(cancellationToken))
        {
            events.Add(new Happening(Day(n.CreatedAt), buyers.GetValueOrDefault(n.BuyerId, "?"), n.Title, Stage.SupplierIdentified));
        }
        foreach (var m in await db.Set<ConsultationSlot>().AsNoTracking().Where(x => x.BuyerId != null)
                     .Join(db.ConsultationSessions.Where(s => s.MaterialId == materialId), x => x.SessionId, s => s.Id, (x, s) => new { x.BuyerId, x.StartsAt, s.Title })
                     .ToListAsync(cancellationToken))
        {
            events.Add(new Happening(Day(m.StartsAt), buyers.GetValueOrDefault(m.BuyerId!.Value, "?"), m.Title, Stage.InConsultation));
        }
        foreach (var q in await db.Qualifications.AsNoTracking().Join(db.Products.Where(p => p.MaterialId == materialId), q => q.ProductId, p => p.Id,
                     (q, p) => new { q.BuyerId, q.CreatedAt, q.UpdatedAt, q.Decision, q.SupplyingSince, p.Code }).ToListAsync(cancellationToken))
        {
            var buyer = buyers.GetValueOrDefault(q.BuyerId, "?");
            events.Add(new Happening(Day(q.CreatedAt), buyer, q.Code, Stage.SampleUnderTest));
            if (q.Decision is QualificationDecision.Approved or QualificationDecision.Conditional)
            {
                events.Add(new Happening(Day(q.UpdatedAt), buyer, q.Code, Stage.Qualified, q.Decision));
            }
            if (q.SupplyingSince is { } since)
            {
                events.Add(new Happening(since, buyer, q.Code, Stage.Supplying));
            }
        }
        return events.OrderBy(e => e.On).ThenBy(e => e.Reaches).ToList();
    }

    /// <summary>Every target and buyer with its stage, for spreadsheets (UTF-8 with BOM, formulas neutralised).</summary>
    public static byte[] Csv(Report report, Func<string, string> text)
    {
        var csv = new StringBuilder();
        csv.AppendLine(CsvExport.Line([text("Progress.Target"), text("Needs.Material"), text("Needs.Buyer"), text("Progress.Stage")]));
        foreach (var target in report.Targets)
        {
            var pairs = report.Pairs.Where(p => p.MaterialId == target.MaterialId).ToList();
            if (pairs.Count == 0)
            {
                csv.AppendLine(CsvExport.Line([target.Code, target.NameKo, "", text("Stage." + Stage.Candidate)]));
            }
            foreach (var pair in pairs)
            {
                csv.AppendLine(CsvExport.Line([target.Code, target.NameKo, pair.BuyerKo, text("Stage." + pair.Stage)]));
            }
        }
        return CsvExport.Bytes(csv.ToString());
    }

    private static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToKst().Date);
}
