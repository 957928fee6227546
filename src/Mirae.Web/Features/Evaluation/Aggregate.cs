namespace Mirae.Web.Features.Evaluation;

/// <summary>One submitted score (hundredths out of 100) of one evaluator on one application.</summary>
public sealed record SubmittedScore(int ApplicationId, int EvaluatorId, int Score);

/// <summary>The score that counts for each application, by the call's <see cref="Aggregation"/>, to the hundredth.</summary>
public static class Aggregate
{
    public const int TrimFrom = 5;

    public static IReadOnlyDictionary<int, decimal> Compute(Aggregation method, IReadOnlyList<SubmittedScore> scores)
    {
        var values = method == Aggregation.Normalized ? Normalize(scores) : scores.Select(s => (s.ApplicationId, Value: s.Score / 100.0)).ToList();
        return values.GroupBy(v => v.ApplicationId).ToDictionary(g => g.Key, g =>
        {
            var list = g.Select(v => v.Value).Order().ToList();
            if (method == Aggregation.TrimmedMean && list.Count >= TrimFrom)
            {
                list = list.Skip(1).SkipLast(1).ToList(); // one highest and one lowest, as Korean public evaluations do
            }
            return Math.Round((decimal)list.Average(), 2, MidpointRounding.AwayFromZero);
        });
    }

    /// <summary>
    /// Removes each evaluator's harshness or leniency: a score becomes the panel's mean plus the panel's spread times the
    /// score's z-score among that evaluator's own scores. An evaluator with one score, or all equal, is only shifted.
    /// </summary>
    private static List<(int ApplicationId, double Value)> Normalize(IReadOnlyList<SubmittedScore> scores)
    {
        if (scores.Count == 0)
        {
            return [];
        }
        var all = scores.Select(s => s.Score / 100.0).ToList();
        var (mean, spread) = (all.Average(), Deviation(all));
        var byEvaluator = scores.GroupBy(s => s.EvaluatorId).ToDictionary(g => g.Key, g =>
        {
            var own = g.Select(s => s.Score / 100.0).ToList();
            return (Mean: own.Average(), Spread: Deviation(own));
        });
        return scores.Select(s =>
        {
            var (own, ownSpread) = byEvaluator[s.EvaluatorId];
            var value = s.Score / 100.0;
            return (s.ApplicationId, ownSpread > 1e-9 ? mean + spread * (value - own) / ownSpread : mean + value - own);
        }).ToList();
    }

    private static double Deviation(List<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
