using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Calls;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Evaluation;

/// <summary>
/// The words for support fields (지원 분야): an evaluator's fields and an application's category are the values of the
/// calls' <c>category</c> question, whose options carry the Korean and English labels. A value no call names reads as itself.
/// </summary>
public sealed class SupportFields(IReadOnlyDictionary<string, FieldOption> options)
{
    /// <summary>The options of the <c>category</c> question of one call, or of every call (the newest call's label wins).</summary>
    public static async Task<SupportFields> LoadAsync(AppDbContext db, int? callId, CancellationToken cancellationToken)
    {
        var forms = await db.Calls.AsNoTracking().Where(c => callId == null || c.Id == callId).OrderByDescending(c => c.Id)
            .Select(c => c.Form).ToListAsync(cancellationToken);
        var options = new Dictionary<string, FieldOption>(StringComparer.Ordinal);
        foreach (var option in forms.SelectMany(f => f).SelectMany(s => s.Fields).Where(f => f.Key == AssignEvaluators.CategoryKey).SelectMany(f => f.Options))
        {
            options.TryAdd(option.Value, option);
        }
        return new SupportFields(options);
    }

    public string Label(string? value) =>
        value is null ? "-" : options.TryGetValue(value, out var option) ? Language.Pick(option.LabelKo, option.LabelEn) : value;

    public string Labels(IEnumerable<string> values) => string.Join(", ", values.Select(Label));

    /// <summary>Every known field, for the hint beside the pool's fields box ("bio (바이오 소재), …").</summary>
    public IReadOnlyList<FieldOption> Known => [.. options.Values];
}
