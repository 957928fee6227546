using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Ledger;

namespace Mirae.Web.Features.Evaluation;

/// <summary>
/// A confirmed selection as the log records it (<c>award.selection</c>, subject <c>call:{id}</c>): the inputs the
/// committee ran and what was selected, applicants by receipt number and business number, never a person's name or an
/// individual evaluator's score. The sequencer rebuilds it from the decision's row before signing over it.
/// </summary>
public sealed class AwardLedger : ILedgerSource
{
    public string Kind => LedgerKinds.Award;

    public static string Subject(int callId) => $"call:{callId}";

    public static JsonObject Data(SelectionDecision decision, IReadOnlyDictionary<string, string> businessNumbers)
    {
        var p = decision.Problem;
        var selected = decision.Selected.ToHashSet(StringComparer.Ordinal);
        return new JsonObject
        {
            ["callId"] = decision.CallId,
            ["decisionId"] = decision.Id,
            ["confirmedAt"] = decision.ConfirmedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["budget"] = p.Budget,
            ["minScore"] = LedgerRecords.Number(p.MinScore),
            ["maxAwards"] = p.MaxAwards,
            ["categoryLimits"] = new JsonArray([.. p.CategoryLimits.OrderBy(l => l.Category, StringComparer.Ordinal)
                .Select(l => (JsonNode)new JsonObject { ["category"] = l.Category, ["min"] = l.Min, ["max"] = l.Max })]),
            ["items"] = new JsonArray([.. p.Items.OrderBy(i => i.Id, StringComparer.Ordinal).Select(i => (JsonNode)new JsonObject
            {
                ["receiptNumber"] = i.Id,
                ["businessNumber"] = businessNumbers.GetValueOrDefault(i.Id, ""),
                ["score"] = LedgerRecords.Number(i.Score),
                ["amount"] = i.Amount,
                ["category"] = i.Category,
                ["selected"] = selected.Contains(i.Id),
            })]),
            ["selectedTotalAmount"] = p.Items.Where(i => selected.Contains(i.Id)).Sum(i => i.Amount),
        };
    }

    public static Task<Dictionary<string, string>> BusinessNumbersAsync(AppDbContext db, int callId, CancellationToken cancellationToken) =>
        db.Applications.AsNoTracking().Where(a => a.CallId == callId && a.ReceiptNumber != null)
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { a.ReceiptNumber, o.BusinessNumber })
            .ToDictionaryAsync(a => a.ReceiptNumber!, a => a.BusinessNumber, cancellationToken);

    public async Task<JsonNode?> RebuildAsync(AppDbContext db, string subject, JsonNode? recorded, CancellationToken cancellationToken)
    {
        var id = recorded?["decisionId"]?.GetValue<int>();
        var decision = id is null ? null : await db.SelectionDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return decision is null || Subject(decision.CallId) != subject ? null
            : Data(decision, await BusinessNumbersAsync(db, decision.CallId, cancellationToken));
    }
}
