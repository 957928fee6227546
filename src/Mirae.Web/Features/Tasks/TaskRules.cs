using System.Text.RegularExpressions;

namespace Mirae.Web.Features.Tasks;

/// <summary>
/// The rules a task's plan and its researchers must keep, as data in, problems out (nothing here reads the database):
/// the call's funding ratios per budget category, and the national 3책5공 rule across every task.
/// </summary>
public static partial class TaskRules
{
    /// <summary>A broken rule: the form field it belongs to, a stable code, and the message with its arguments.</summary>
    public sealed record Problem(string Field, string Code, string MessageKey, object[] Arguments);

    public const int MaxMonths = 60;
    public const int MaxInstallments = 10;
    public const long MaxAmount = 100_000_000_000_000; // ₩100조, as calls

    /// <summary>Every problem of a plan, each on its field: <c>StartsOn</c>/<c>EndsOn</c>, <c>Budget.{Category}</c>, <c>Budget</c>, <c>Installments</c>, <c>Obligations</c>.</summary>
    public static IReadOnlyList<Problem> CheckPlan(FundedTask task, DateOnly startsOn, DateOnly endsOn, IReadOnlyList<BudgetLine> budget,
        IReadOnlyList<(long Amount, InstallmentCondition Condition)> installments, string obligations)
    {
        var problems = new List<Problem>();
        if (endsOn < startsOn || Months(startsOn, endsOn) > MaxMonths)
        {
            problems.Add(new("EndsOn", "task.period-invalid", "Task.PeriodInvalid", [MaxMonths]));
        }
        foreach (var line in budget.Where(l => l.Grant < 0 || l.OwnCash < 0 || l.OwnInKind < 0 || l.Total > MaxAmount))
        {
            problems.Add(new($"Budget.{line.Category}", "task.amount-invalid", "Task.AmountInvalid", []));
        }
        foreach (var duplicate in budget.GroupBy(l => l.Category).Where(g => g.Count() > 1))
        {
            problems.Add(new($"Budget.{duplicate.Key}", "task.category-twice", "Task.CategoryTwice", []));
        }
        if (problems.Any(p => p.Field.StartsWith("Budget.", StringComparison.Ordinal)))
        {
            return problems; // the ratios below mean nothing over negative or repeated lines
        }
        var grant = budget.Sum(l => l.Grant);
        if (grant != task.Grant)
        {
            problems.Add(new("Budget", "task.grant-mismatch", "Task.GrantMismatch", [Money(grant), Money(task.Grant)]));
        }
        var total = budget.Sum(l => l.Total);
        var own = budget.Sum(l => l.OwnCash + l.OwnInKind);
        var rules = task.Rules;
        if (own * 100 < total * rules.OwnShareMinPercent)
        {
            problems.Add(new("Budget", "task.own-share-low", "Task.OwnShareLow", [rules.OwnShareMinPercent, Percent(own, total)]));
        }
        var cash = budget.Sum(l => l.OwnCash);
        if (own > 0 && cash * 100 < own * rules.OwnCashMinPercentOfOwn)
        {
            problems.Add(new("Budget", "task.own-cash-low", "Task.OwnCashLow", [rules.OwnCashMinPercentOfOwn, Percent(cash, own)]));
        }
        var indirect = budget.Where(l => l.Category == ExpenseCategory.Indirect).Sum(l => l.Total);
        var direct = total - indirect;
        if (indirect * 100 > direct * rules.IndirectMaxPercentOfDirect)
        {
            problems.Add(new($"Budget.{ExpenseCategory.Indirect}", "task.indirect-high", "Task.IndirectHigh", [rules.IndirectMaxPercentOfDirect, Percent(indirect, direct)]));
        }
        var allowance = budget.Where(l => l.Category == ExpenseCategory.Allowance).Sum(l => l.Total);
        var personnel = budget.Where(l => l.Category is ExpenseCategory.Personnel or ExpenseCategory.StudentPersonnel).Sum(l => l.Total);
        if (allowance * 100 > personnel * rules.AllowanceMaxPercentOfPersonnel)
        {
            problems.Add(new($"Budget.{ExpenseCategory.Allowance}", "task.allowance-high", "Task.AllowanceHigh", [rules.AllowanceMaxPercentOfPersonnel, Percent(allowance, personnel)]));
        }
        if (installments.Count is 0 or > MaxInstallments || installments.Any(i => i.Amount <= 0) || installments.Sum(i => i.Amount) != task.Grant)
        {
            problems.Add(new("Installments", "task.installments-invalid", "Task.InstallmentsInvalid", [MaxInstallments, Money(task.Grant)]));
        }
        if (obligations.Trim().Length > FundedTask.MaxObligations)
        {
            problems.Add(new("Obligations", "task.obligations-long", "Task.ObligationsLong", [FundedTask.MaxObligations]));
        }
        return problems;
    }

    /// <summary>Limits of the national rule (3책5공): at most 3 tasks led and 5 taken part in (leading included) at once, 100 % in any month.</summary>
    public const int MaxLed = 3;
    public const int MaxTasks = 5;
    public const int MaxRate = 100;

    /// <summary>A researcher's participation elsewhere, with the task's number (for the message).</summary>
    public sealed record Participation(string TaskNumber, ResearcherRole Role, DateOnly FromMonth, DateOnly ToMonth, int RatePercent);

    /// <summary>
    /// Whether a researcher may join a task as <paramref name="added"/> beside their other participations in unfinished tasks:
    /// null when they may, else the problem naming the month and the tasks that cause it.
    /// </summary>
    public static Problem? CheckResearcher(Participation added, IReadOnlyList<Participation> others)
    {
        if (added.RatePercent is < 1 or > MaxRate)
        {
            return new("RatePercent", "researcher.rate-invalid", "Researcher.RateInvalid", [MaxRate]);
        }
        if (added.ToMonth < added.FromMonth)
        {
            return new("ToMonth", "researcher.months-invalid", "Researcher.MonthsInvalid", []);
        }
        for (var month = added.FromMonth; month <= added.ToMonth; month = month.AddMonths(1))
        {
            var at = others.Where(o => o.FromMonth <= month && month <= o.ToMonth).Append(added).ToList();
            var tasks = at.Select(p => p.TaskNumber).Distinct().ToList();
            var led = at.Where(p => p.Role == ResearcherRole.PrincipalInvestigator).Select(p => p.TaskNumber).Distinct().ToList();
            var label = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            if (added.Role == ResearcherRole.PrincipalInvestigator && led.Count > MaxLed)
            {
                return new("Role", "researcher.too-many-led", "Researcher.TooManyLed", [MaxLed, label, string.Join(", ", led.Where(t => t != added.TaskNumber))]);
            }
            if (tasks.Count > MaxTasks)
            {
                return new("ResearcherNumber", "researcher.too-many-tasks", "Researcher.TooManyTasks", [MaxTasks, label, string.Join(", ", tasks.Where(t => t != added.TaskNumber))]);
            }
            var rate = at.Sum(p => p.RatePercent);
            if (rate > MaxRate)
            {
                return new("RatePercent", "researcher.over-100", "Researcher.Over100", [label, rate, string.Join(", ", tasks.Where(t => t != added.TaskNumber))]);
            }
        }
        return null;
    }

    /// <summary>A national researcher number: 8 digits.</summary>
    public static bool IsResearcherNumber(string? value) => value is not null && ResearcherNumberPattern().IsMatch(value);

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex ResearcherNumberPattern();

    public static int Months(DateOnly from, DateOnly to) => (to.Year - from.Year) * 12 + to.Month - from.Month + 1;

    private static string Money(long won) => won.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A share as people read it: one decimal, rounded down, so a share just under a limit never reads as the limit.</summary>
    private static string Percent(long part, long whole) => whole == 0 ? "0" :
        (Math.Floor(part * 1000m / whole) / 10).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
