using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mirae.Web.Features.Evaluation;

// Selection benchmark: `dotnet run -c Release --project bench/Mirae.SelectionBench [-- instances]`.
// Random calls of 500 applications (₩20M–₩300M in units of ₩1,000,000, scores 60–98, four categories with
// minimum and maximum counts): a budget of a fifth of what is requested with categories limited to 5–30 awards each,
// and a budget of a twenty-fifth with at most 30 awards in all and 3–10 per category (both limits binding at once).
// Prints the time to the optimum and the optimum's total score ÷ the ranking-order (greedy) selection's, and writes
// bench/results/selection.md. Target: ≤ 1 s per instance.
var instances = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
string[] categories = ["bio-materials", "devices", "digital-health", "services"];
var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"# Selection under budget: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
report.AppendLine();
report.AppendLine("| instance set | applications | budget units | median ms | worst ms | optimum ÷ greedy (mean) | worst ÷ | states × items (max) |");
report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");

SelectionSolver.Solve(Problem(new Random(1), withAwardLimit: true)); // warm-up (JIT)
foreach (var withAwardLimit in new[] { false, true })
{
    var random = new Random(20261122);
    var times = new List<double>();
    var ratios = new List<double>();
    long work = 0;
    long units = 0;
    for (var i = 0; i < instances; i++)
    {
        var problem = Problem(random, withAwardLimit);
        var clock = Stopwatch.StartNew();
        var outcome = SelectionSolver.Solve(problem);
        clock.Stop();
        var result = outcome.Result ?? throw new InvalidOperationException($"instance {i}: {outcome.Infeasible}");
        times.Add(clock.Elapsed.TotalMilliseconds);
        ratios.Add((double)(result.TotalScore / result.Greedy.TotalScore));
        work = Math.Max(work, result.States);
        units = problem.Budget / result.BudgetUnit;
    }
    times.Sort();
    var name = withAwardLimit ? "budget ÷ 25, 3–10 per category, at most 30 awards" : "budget ÷ 5, 5–30 per category";
    var line = string.Create(CultureInfo.InvariantCulture,
        $"| {name} | 500 | {units:N0} | {times[times.Count / 2]:F0} | {times[^1]:F0} | {ratios.Average():F4} | {ratios.Max():F4} | {work:N0} |");
    Console.WriteLine(line);
    report.AppendLine(line);
}
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"{instances} random instances per set; target ≤ 1,000 ms to the optimum.");
var results = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../results"));
Directory.CreateDirectory(results);
File.WriteAllText(Path.Combine(results, "selection.md"), report.ToString());
Console.WriteLine($"written to {Path.Combine(results, "selection.md")}");

SelectionProblem Problem(Random random, bool withAwardLimit)
{
    var items = Enumerable.Range(1, 500).Select(i => new SelectionItem(
        $"2026-001-{i:D5}", random.Next(6000, 9801) / 100m, random.Next(20, 301) * 1_000_000L, categories[random.Next(categories.Length)])).ToList();
    var budget = items.Sum(i => i.Amount) / (withAwardLimit ? 25 : 5) / 1_000_000 * 1_000_000;
    var limits = categories.Select(c => withAwardLimit ? new CategoryLimit(c, 3, 10) : new CategoryLimit(c, 5, 30)).ToList();
    return new SelectionProblem(budget, 70, withAwardLimit ? 30 : null, limits, items);
}
