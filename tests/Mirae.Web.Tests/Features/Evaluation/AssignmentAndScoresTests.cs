using Mirae.Web.Features.Evaluation;

namespace Mirae.Web.Tests.Features.Evaluation;

/// <summary>The pure parts of evaluation: the deterministic assignment plan and the aggregates.</summary>
public sealed class AssignmentAndScoresTests
{
    [Fact]
    public void Plan_IsDeterministic_SkipsConflicts_PrefersExpertise_AndBalancesLoad()
    {
        (int, string?)[] applications = [(3, "bio"), (1, "bio"), (2, "device")];
        AssignEvaluators.Candidate[] evaluators = [new(10, ["bio"]), new(11, ["device"]), new(12, []), new(13, ["bio"])];
        var excluded = new HashSet<(int, int)> { (1, 13) };

        var first = AssignEvaluators.Plan(applications, evaluators, excluded, [], 2);
        var again = AssignEvaluators.Plan(applications.Reverse().ToList(), evaluators.Reverse().ToList(), excluded, [], 2);

        Assert.Equal(first.Pairs, again.Pairs);
        Assert.Equal([(1, 10), (1, 11), (2, 11), (2, 12), (3, 13), (3, 10)], first.Pairs);
        Assert.DoesNotContain((1, 13), first.Pairs);
        Assert.Empty(first.Short);
    }

    [Fact]
    public void Plan_ReportsApplicationsWithTooFewConflictFreeEvaluators_AndKeepsExistingOnes()
    {
        var plan = AssignEvaluators.Plan([(1, null), (2, null)], [new(10, []), new(11, [])], new HashSet<(int, int)> { (2, 10) }, [(1, 11)], 2);

        Assert.Equal([(1, 10), (2, 11)], plan.Pairs);
        Assert.Equal([2], plan.Short);
    }

    [Fact]
    public void Aggregate_Mean_AndTrimmedMeanFromFiveEvaluators()
    {
        SubmittedScore[] four = [new(1, 1, 9000), new(1, 2, 8000), new(1, 3, 7000), new(1, 4, 6000)];
        SubmittedScore[] five = [.. four, new(1, 5, 9900)];

        Assert.Equal(75m, Aggregate.Compute(Aggregation.Mean, four)[1]);
        Assert.Equal(75m, Aggregate.Compute(Aggregation.TrimmedMean, four)[1]); // fewer than five: nothing dropped
        Assert.Equal(80m, Aggregate.Compute(Aggregation.TrimmedMean, five)[1]); // 99 and 60 dropped: (90 + 80 + 70) / 3
        Assert.Equal(79.8m, Aggregate.Compute(Aggregation.Mean, five)[1]);
    }

    [Fact]
    public void Aggregate_Normalized_RemovesAnEvaluatorsHarshness()
    {
        // A lenient evaluator scores applications 1 and 2; a harsh one scores 3 and 4, each ranking theirs the same way.
        SubmittedScore[] scores = [new(1, 1, 9000), new(2, 1, 8000), new(3, 2, 7000), new(4, 2, 6000)];

        var raw = Aggregate.Compute(Aggregation.Mean, scores);
        var normalized = Aggregate.Compute(Aggregation.Normalized, scores);

        Assert.Equal(20m, raw[1] - raw[3]);
        Assert.Equal(normalized[1], normalized[3]); // the best of each evaluator: equal once harshness is removed
        Assert.Equal(normalized[2], normalized[4]);
        Assert.Equal(86.18m, normalized[1]); // the panel's mean 75 plus its spread √125 times z = 1
    }
}
