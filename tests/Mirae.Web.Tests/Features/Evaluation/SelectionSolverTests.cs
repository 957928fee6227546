using Mirae.Web.Features.Evaluation;

namespace Mirae.Web.Tests.Features.Evaluation;

public sealed class SelectionSolverTests
{
    private static readonly string[] Categories = ["bio", "device", "digital"];

    [Fact]
    public void Solve_OnRandomInstances_MatchesBruteForceOverEverySubset_AndExplainsEveryApplication()
    {
        var random = new Random(20261122);
        var infeasible = 0;
        for (var round = 0; round < 400; round++)
        {
            var problem = RandomProblem(random, round < 20 ? 20 : random.Next(1, 15));

            var outcome = SelectionSolver.Solve(problem);
            var best = BruteForce(problem);

            if (best is null)
            {
                Assert.NotNull(outcome.Infeasible);
                infeasible++;
                continue;
            }
            var result = outcome.Result ?? throw new InvalidOperationException($"round {round}: {outcome.Infeasible}");
            Assert.True(best.Value / 100m == result.TotalScore, $"round {round}: {System.Text.Json.JsonSerializer.Serialize(problem)} => {string.Join(",", result.Selected)}");
            Assert.True(Feasible(problem, problem.Items.Where(i => result.Selected.Contains(i.Id)).ToList()), $"round {round}");
            Assert.True(!result.Greedy.MeetsCategoryMinimums || result.Greedy.TotalScore <= result.TotalScore);
            CheckExplanations(problem, result);
        }
        Assert.InRange(infeasible, 1, 200); // the instances exercise both outcomes
    }

    [Fact]
    public void Solve_BeatsTheRankingOrder_WhenTheTopApplicationCrowdsOutTwoOthers()
    {
        var problem = new SelectionProblem(100, 70, null, [], [Item("a", 95, 80), Item("b", 90, 50), Item("c", 85, 50)]);

        var result = SelectionSolver.Solve(problem).Result!;

        Assert.Equal(["b", "c"], result.Selected);
        Assert.Equal(175m, result.TotalScore);
        Assert.Equal(["a"], result.Greedy.Selected);
        var a = result.Explanations["a"];
        Assert.Equal((Verdict.Budget, 80L, null), (a.Verdict, a.Shortfall, a.Displaces)); // no single selected one frees ₩80
    }

    [Fact]
    public void Solve_ExplainsWhichSelectedApplicationABudgetCaseWouldDisplace()
    {
        var problem = new SelectionProblem(100, 0, null, [], [Item("x", 80, 60), Item("y", 70, 50)]);

        var y = SelectionSolver.Solve(problem).Result!.Explanations["y"];

        Assert.Equal((Verdict.Budget, 10L, "x", -10m), (y.Verdict, y.Shortfall, y.Displaces, y.ScoreChange));
    }

    [Fact]
    public void Solve_NamesTheConstraintThatCannotBeMet()
    {
        SelectionItem[] items = [Item("a", 90, 60, "bio"), Item("b", 80, 60, "bio"), Item("c", 65, 10, "device")];

        var category = SelectionSolver.Solve(new SelectionProblem(1000, 70, null, [new CategoryLimit("device", 1, null)], items)).Infeasible!;
        var awards = SelectionSolver.Solve(new SelectionProblem(1000, 60, 1, [new CategoryLimit("bio", 1, null), new CategoryLimit("device", 1, null)], items)).Infeasible!;
        var budget = SelectionSolver.Solve(new SelectionProblem(100, 70, null, [new CategoryLimit("bio", 2, null)], items)).Infeasible!;

        Assert.Equal((InfeasibleConstraint.CategoryMin, "device", 1L, 0L), (category.Constraint, category.Category, category.Needed, category.Available));
        Assert.Equal((InfeasibleConstraint.MaxAwards, 2L, 1L), (awards.Constraint, awards.Needed, awards.Available));
        Assert.Equal((InfeasibleConstraint.Budget, 120L, 100L), (budget.Constraint, budget.Needed, budget.Available));
    }

    [Fact]
    public void Solve_GivesTheSameAnswerWhateverTheOrderOfTheItems()
    {
        var random = new Random(7);
        for (var round = 0; round < 50; round++)
        {
            var problem = RandomProblem(random, 14);
            var shuffled = problem with { Items = problem.Items.OrderBy(_ => random.Next()).ToList() };

            Assert.Equal(SelectionSolver.Solve(problem).Result?.Selected, SelectionSolver.Solve(shuffled).Result?.Selected);
        }
    }

    private static SelectionItem Item(string id, decimal score, long amount, string? category = null) => new(id, score, amount, category);

    private static SelectionProblem RandomProblem(Random random, int count)
    {
        var items = Enumerable.Range(1, count).Select(i => new SelectionItem(
            $"A-{i:D2}", random.Next(5000, 10000) / 100m, random.Next(1, 31) * 10_000_000L,
            random.Next(4) == 0 ? null : Categories[random.Next(Categories.Length)])).ToList();
        var budget = items.Sum(i => i.Amount) * random.Next(15, 70) / 100 / 1_000_000 * 1_000_000;
        var limits = random.Next(3) == 0 ? [] : Categories.Where(_ => random.Next(2) == 0).Select(c =>
        {
            var min = random.Next(3) == 0 ? (int?)null : random.Next(0, 3);
            var max = random.Next(3) == 0 ? (int?)null : (min ?? 0) + random.Next(0, 4);
            return new CategoryLimit(c, min, max);
        }).ToList();
        var maxAwards = random.Next(3) == 0 ? (int?)random.Next(1, count + 1) : null;
        return new SelectionProblem(Math.Max(budget, 1_000_000), random.Next(55, 75), maxAwards, limits, items);
    }

    private static bool Feasible(SelectionProblem problem, List<SelectionItem> chosen) =>
        chosen.All(i => i.Score >= problem.MinScore)
        && chosen.Sum(i => i.Amount) <= problem.Budget
        && (problem.MaxAwards is not int most || chosen.Count <= most)
        && problem.CategoryLimits.All(l => chosen.Count(i => i.Category == l.Category) is var n && n >= (l.Min ?? 0) && n <= (l.Max ?? int.MaxValue));

    /// <summary>The best total in hundredths over every subset, or null when no subset is feasible.</summary>
    private static long? BruteForce(SelectionProblem problem)
    {
        var items = problem.Items;
        long? best = null;
        var chosen = new List<SelectionItem>(items.Count);
        for (var mask = 0; mask < 1 << items.Count; mask++)
        {
            chosen.Clear();
            for (var i = 0; i < items.Count; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    chosen.Add(items[i]);
                }
            }
            if (Feasible(problem, chosen))
            {
                var total = chosen.Sum(i => (long)SelectionSolver.Hundredths(i.Score));
                best = best is null || total > best ? total : best;
            }
        }
        return best;
    }

    private static void CheckExplanations(SelectionProblem problem, SelectionResult result)
    {
        var selected = problem.Items.Where(i => result.Selected.Contains(i.Id)).ToList();
        var left = problem.Budget - result.TotalAmount;
        Assert.Equal(problem.Items.Count, result.Explanations.Count);
        foreach (var item in problem.Items)
        {
            var why = result.Explanations[item.Id];
            Assert.Equal(selected.Contains(item), why.Verdict == Verdict.Selected);
            switch (why.Verdict)
            {
                case Verdict.BelowMinScore:
                    Assert.True(item.Score < problem.MinScore);
                    break;
                case Verdict.ExceedsBudget:
                    Assert.True(item.Amount > problem.Budget);
                    break;
                case Verdict.CategoryLimit:
                    Assert.Equal(why.Limit, selected.Count(s => s.Category == item.Category));
                    break;
                case Verdict.AwardLimit:
                    Assert.Equal(problem.MaxAwards, selected.Count);
                    break;
                case Verdict.Budget:
                    Assert.Equal(item.Amount - left, why.Shortfall);
                    Assert.True(why.Shortfall > 0);
                    break;
            }
            if (why.Displaces is { } displaced)
            {
                var swapped = selected.Where(s => s.Id != displaced).Append(item).ToList();
                Assert.True(swapped.Sum(s => s.Amount) <= problem.Budget);
                Assert.True(why.ScoreChange <= 0 || !Feasible(problem, swapped), $"{item.Id} displacing {displaced} would improve a feasible optimum");
            }
        }
    }
}
