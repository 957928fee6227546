namespace Mirae.Web.Features.Evaluation;

/// <summary>One application offered to the selection: its aggregated score, the amount to fund (whole won) and its category.</summary>
public sealed record SelectionItem(string Id, decimal Score, long Amount, string? Category);

/// <summary>How many applications of one category must (<see cref="Min"/>) and may (<see cref="Max"/>) be selected.</summary>
public sealed record CategoryLimit(string Category, int? Min, int? Max);

/// <summary>What the committee decided to select under: the budget, the minimum score, the most awards and the category limits.</summary>
public sealed record SelectionProblem(long Budget, decimal MinScore, int? MaxAwards, IReadOnlyList<CategoryLimit> CategoryLimits, IReadOnlyList<SelectionItem> Items);

public enum Verdict
{
    Selected,
    BelowMinScore,
    ExceedsBudget,
    CategoryLimit,
    AwardLimit,
    Budget,
    NoGain,
}

/// <summary>
/// Why an application is or is not selected. For <see cref="Verdict.Budget"/>, <see cref="Shortfall"/> is what the
/// remaining budget lacks and <see cref="Displaces"/> the lowest-scored selected application whose place it could take
/// (with the total score changing by <see cref="ScoreChange"/>, never upwards: the selection is optimal).
/// </summary>
public sealed record Explanation(Verdict Verdict, long? Shortfall = null, string? Displaces = null, decimal? ScoreChange = null, int? Limit = null);

/// <summary>The ranking-order (greedy) selection, shown beside the optimum for comparison.</summary>
public sealed record GreedySelection(IReadOnlyList<string> Selected, decimal TotalScore, long TotalAmount, bool MeetsCategoryMinimums);

/// <summary>
/// The optimum and how it was proven: <see cref="BudgetUnit"/> is the largest amount (in won) dividing the budget and
/// every eligible amount, and the dynamic programme examined every reachable budget in those units (<see cref="States"/>
/// states per application), so no other feasible subset scores higher.
/// </summary>
public sealed record SelectionResult(
    IReadOnlyList<string> Selected,
    decimal TotalScore,
    long TotalAmount,
    GreedySelection Greedy,
    IReadOnlyDictionary<string, Explanation> Explanations,
    long BudgetUnit,
    long States);

public enum InfeasibleConstraint
{
    CategoryMin,
    MaxAwards,
    Budget,
    TooLarge,
}

/// <summary>Either the optimum or why there is none.</summary>
public sealed record SelectionOutcome(SelectionResult? Result, Infeasibility? Infeasible);

/// <summary>No selection satisfies the constraints (or the instance is beyond what is solved exactly); <see cref="Needed"/> says by how much.</summary>
public sealed record Infeasibility(InfeasibleConstraint Constraint, string? Category, long Needed, long Available);

/// <summary>
/// The exact budget-constrained selection (예산 내 최적 선정): the subset of applications at or above the minimum score that
/// maximizes the total score with the amounts within the budget, at most the maximum number of awards, and each
/// category's count within its limits. Scores count to the hundredth (as published); amounts are whole won.
/// <para>
/// Dynamic programming over budget units (the greatest common divisor of the budget and the amounts), the number of
/// awards when that limit can bind, and the count inside a category while its items are decided when its limits can
/// bind. Ties are broken the same way for the same input (items are ordered by category, then id; an item is taken
/// only when that scores strictly more), so anyone re-running a published selection gets the same answer.
/// </para>
/// </summary>
public static class SelectionSolver
{
    public const int MaxItems = 1000;
    public const decimal MaxScore = 1000m;
    /// <summary>Decision bits kept for the reconstruction (states × items); about 100 MB at this limit.</summary>
    public const long DefaultMaxWork = 800_000_000;

    private const int Negative = -1_000_000_000; // below any reachable total: at most 1000 items × 100,000 hundredths

    public static SelectionOutcome Solve(SelectionProblem problem, long maxWork = DefaultMaxWork)
    {
        var limits = problem.CategoryLimits.ToDictionary(l => l.Category, StringComparer.Ordinal);
        var eligible = problem.Items.Where(i => i.Score >= problem.MinScore && i.Amount <= problem.Budget).ToList();

        if (FindInfeasibility(problem, limits, eligible) is { } infeasible)
        {
            return new SelectionOutcome(null, infeasible);
        }

        var unit = eligible.Aggregate(problem.Budget, (g, i) => Gcd(g, i.Amount));
        var groups = Arrange(problem, limits, eligible, unit);
        var budgetUnits = checked((int)(problem.Budget / unit));
        var awards = problem.MaxAwards is int m && m < MostAffordable(eligible.Select(i => i.Amount), problem.Budget) ? m : 0;
        var stride = (budgetUnits + 1 + 7) / 8 * 8;
        long work = groups.Sum(g => (long)g.Items.Count * (g.Cap + 1) * (awards + 1) * stride);
        if (budgetUnits > 50_000_000 || work > maxWork)
        {
            return new SelectionOutcome(null, new Infeasibility(InfeasibleConstraint.TooLarge, null, work, maxWork));
        }

        var dp = new Programme(stride, budgetUnits, awards);
        foreach (var group in groups)
        {
            dp.Run(group);
        }
        var chosen = dp.Reconstruct(groups);
        var selected = chosen.OrderBy(i => i.Id, StringComparer.Ordinal).ToList();

        var result = new SelectionResult(
            selected.Select(i => i.Id).ToList(),
            selected.Sum(i => Hundredths(i.Score)) / 100m,
            selected.Sum(i => i.Amount),
            Greedy(problem, limits, eligible),
            Explain(problem, limits, selected),
            unit,
            work);
        return new SelectionOutcome(result, null);
    }

    /// <summary>
    /// The constraints can all be met exactly when taking each limited category's cheapest minimum fits both the award
    /// limit and the budget (every other choice costs at least as much of both), so this check is complete.
    /// </summary>
    private static Infeasibility? FindInfeasibility(SelectionProblem problem, Dictionary<string, CategoryLimit> limits, List<SelectionItem> eligible)
    {
        long cheapest = 0;
        var required = 0;
        foreach (var limit in limits.Values.OrderBy(l => l.Category, StringComparer.Ordinal))
        {
            var min = limit.Min ?? 0;
            var amounts = eligible.Where(i => i.Category == limit.Category).Select(i => i.Amount).Order().ToList();
            if (amounts.Count < min)
            {
                return new Infeasibility(InfeasibleConstraint.CategoryMin, limit.Category, min, amounts.Count);
            }
            cheapest += amounts.Take(min).Sum();
            required += min;
        }
        if (problem.MaxAwards is int most && required > most)
        {
            return new Infeasibility(InfeasibleConstraint.MaxAwards, null, required, most);
        }
        return cheapest > problem.Budget ? new Infeasibility(InfeasibleConstraint.Budget, null, cheapest, problem.Budget) : null;
    }

    /// <summary>The most items that fit the budget at once (the cheapest ones); a count limit at or above it cannot bind.</summary>
    private static int MostAffordable(IEnumerable<long> amounts, long budget)
    {
        var count = 0;
        foreach (var amount in amounts.Order())
        {
            if (amount > budget)
            {
                break;
            }
            budget -= amount;
            count++;
        }
        return count;
    }

    private sealed record Choice(SelectionItem Item, int Units, int Value);

    /// <summary>Items decided together: one limited category whose count is tracked up to <see cref="Cap"/>, or free items (cap 0).</summary>
    private sealed record Group(IReadOnlyList<Choice> Items, int Cap, int Min);

    private static List<Group> Arrange(SelectionProblem problem, Dictionary<string, CategoryLimit> limits, List<SelectionItem> eligible, long unit)
    {
        var free = new List<Choice>();
        var groups = new List<Group>();
        foreach (var category in eligible.GroupBy(i => i.Category ?? "", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var choices = category.OrderBy(i => i.Id, StringComparer.Ordinal).Select(i => new Choice(i, (int)(i.Amount / unit), Hundredths(i.Score))).ToList();
            var limit = category.Key.Length > 0 ? limits.GetValueOrDefault(category.Key) : null;
            var affordable = MostAffordable(category.Select(i => i.Amount), problem.Budget);
            var min = limit?.Min ?? 0;
            var max = limit?.Max is int most && most < affordable ? most : (int?)null;
            if (max == 0)
            {
                continue; // the category is closed: none of its applications can be selected
            }
            if (min == 0 && max is null)
            {
                free.AddRange(choices);
            }
            else
            {
                // Without a binding maximum the count is still tracked up to what can be afforded, to know it reached the minimum.
                groups.Add(new Group(choices, max ?? Math.Min(affordable, choices.Count), min));
            }
        }
        if (free.Count > 0)
        {
            groups.Insert(0, new Group(free, 0, 0));
        }
        return groups;
    }

    /// <summary>
    /// The table: best total (hundredths) per (count in the current category k, awards n, budget used ≤ b), double-buffered
    /// per item, with one bit per state and item saying whether the item was taken there, and per limited category the
    /// count chosen when its table folds back into (n, b).
    /// </summary>
    private sealed class Programme(int stride, int budgetUnits, int awards)
    {
        private int[] _current = Initial(stride, awards);
        private readonly List<byte[]> _taken = [];
        private readonly List<ushort[]> _folds = [];

        private int Slice => (awards + 1) * stride;

        private static int[] Initial(int stride, int awards)
        {
            var table = new int[(awards + 1) * stride];
            Array.Fill(table, Negative, stride, awards * stride);
            return table; // zero awards: a total of 0 at every budget
        }

        public void Run(Group group)
        {
            var slices = group.Cap + 1;
            var table = new int[slices * Slice];
            Array.Fill(table, Negative);
            Array.Copy(_current, table, Slice);
            var next = new int[table.Length];
            foreach (var choice in group.Items)
            {
                Array.Copy(table, next, table.Length);
                var taken = new byte[table.Length / 8];
                for (var k = 0; k < slices; k++)
                {
                    var toK = group.Cap == 0 ? 0 : k + 1;
                    if (toK >= slices)
                    {
                        continue;
                    }
                    for (var n = 0; n <= awards; n++)
                    {
                        var toN = awards == 0 ? 0 : n + 1;
                        if (toN > awards)
                        {
                            continue;
                        }
                        Take(table, (k * (awards + 1) + n) * stride, next, (toK * (awards + 1) + toN) * stride, choice, taken);
                    }
                }
                _taken.Add(taken);
                (table, next) = (next, table);
            }
            _current = group.Cap == 0 ? table : Fold(table, group);
        }

        private void Take(int[] from, int fromOffset, int[] to, int toOffset, Choice choice, byte[] taken)
        {
            for (var b = choice.Units; b <= budgetUnits; b++)
            {
                var candidate = from[fromOffset + b - choice.Units] + choice.Value;
                if (candidate > to[toOffset + b])
                {
                    to[toOffset + b] = candidate;
                    var index = toOffset + b;
                    taken[index >> 3] |= (byte)(1 << (index & 7));
                }
            }
        }

        /// <summary>Back to (n, b): the best over the counts the category allows; the count used is kept for the reconstruction.</summary>
        private int[] Fold(int[] table, Group group)
        {
            var folded = new int[Slice];
            var counts = new ushort[Slice];
            Array.Fill(folded, Negative);
            for (var k = group.Min; k <= group.Cap; k++)
            {
                for (var i = 0; i < Slice; i++)
                {
                    if (table[k * Slice + i] > folded[i])
                    {
                        folded[i] = table[k * Slice + i];
                        counts[i] = (ushort)k;
                    }
                }
            }
            _folds.Add(counts);
            return folded;
        }

        public List<SelectionItem> Reconstruct(IReadOnlyList<Group> groups)
        {
            var n = 0;
            for (var candidate = 0; candidate <= awards; candidate++)
            {
                if (_current[candidate * stride + budgetUnits] > _current[n * stride + budgetUnits])
                {
                    n = candidate;
                }
            }
            var b = budgetUnits;
            var chosen = new List<SelectionItem>();
            var item = _taken.Count;
            var fold = _folds.Count;
            for (var g = groups.Count - 1; g >= 0; g--)
            {
                var group = groups[g];
                var k = group.Cap == 0 ? 0 : (int)_folds[--fold][n * stride + b];
                for (var c = group.Items.Count - 1; c >= 0; c--)
                {
                    var index = (k * (awards + 1) + n) * stride + b;
                    if ((_taken[--item][index >> 3] & (1 << (index & 7))) != 0)
                    {
                        chosen.Add(group.Items[c].Item);
                        b -= group.Items[c].Units;
                        k -= group.Cap == 0 ? 0 : 1;
                        n -= awards == 0 ? 0 : 1;
                    }
                }
            }
            return chosen;
        }
    }

    /// <summary>The usual practice: take applications in ranking order while they fit.</summary>
    private static GreedySelection Greedy(SelectionProblem problem, Dictionary<string, CategoryLimit> limits, List<SelectionItem> eligible)
    {
        var selected = new List<SelectionItem>();
        var left = problem.Budget;
        foreach (var item in eligible.OrderByDescending(i => i.Score).ThenBy(i => i.Amount).ThenBy(i => i.Id, StringComparer.Ordinal))
        {
            var inCategory = selected.Count(s => s.Category == item.Category);
            if (item.Amount <= left && (problem.MaxAwards is not int most || selected.Count < most)
                && !(item.Category is { } c && limits.GetValueOrDefault(c)?.Max is int max && inCategory >= max))
            {
                selected.Add(item);
                left -= item.Amount;
            }
        }
        var meets = limits.Values.All(l => selected.Count(s => s.Category == l.Category) >= (l.Min ?? 0));
        return new GreedySelection(selected.Select(s => s.Id).OrderBy(id => id, StringComparer.Ordinal).ToList(),
            selected.Sum(i => Hundredths(i.Score)) / 100m, selected.Sum(i => i.Amount), meets);
    }

    private static Dictionary<string, Explanation> Explain(SelectionProblem problem, Dictionary<string, CategoryLimit> limits, List<SelectionItem> selected)
    {
        var left = problem.Budget - selected.Sum(i => i.Amount);
        var ids = selected.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var explanations = new Dictionary<string, Explanation>(StringComparer.Ordinal);
        foreach (var item in problem.Items)
        {
            var inCategory = selected.Count(s => s.Category == item.Category);
            explanations[item.Id] = item switch
            {
                _ when ids.Contains(item.Id) => new Explanation(Verdict.Selected),
                _ when item.Score < problem.MinScore => new Explanation(Verdict.BelowMinScore),
                _ when item.Amount > problem.Budget => new Explanation(Verdict.ExceedsBudget, Shortfall: item.Amount - problem.Budget),
                { Category: { } c } when limits.GetValueOrDefault(c)?.Max is int max && inCategory >= max => new Explanation(Verdict.CategoryLimit, Limit: max),
                _ when problem.MaxAwards is int most && selected.Count >= most => Displacing(new Explanation(Verdict.AwardLimit, Limit: most), item),
                _ when item.Amount > left => Displacing(new Explanation(Verdict.Budget, Shortfall: item.Amount - left), item),
                _ => new Explanation(Verdict.NoGain),
            };
        }
        return explanations;

        // The lowest-scored selected application whose removal alone makes room without breaking its category's minimum.
        Explanation Displacing(Explanation explanation, SelectionItem item)
        {
            var shortfall = item.Amount - left;
            var displaced = selected
                .Where(s => s.Amount >= shortfall
                    && (s.Category == item.Category || s.Category is null || limits.GetValueOrDefault(s.Category)?.Min is not int min
                        || selected.Count(o => o.Category == s.Category) > min))
                .OrderBy(s => s.Score).ThenBy(s => s.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            return displaced is null ? explanation : explanation with { Displaces = displaced.Id, ScoreChange = item.Score - displaced.Score };
        }
    }

    public static int Hundredths(decimal score) => (int)decimal.Round(score * 100m, MidpointRounding.AwayFromZero);

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }
        return a;
    }
}
