using System.Globalization;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Tasks;

/// <summary>Where an expense came from: typed in, or a row of an imported card or bank statement.</summary>
public enum ExpenseSource
{
    Manual,
    Import,
}

/// <summary>
/// One spending of a running task (집행 내역): date, category, amount in whole won, the vendor by business number, the
/// purpose, and an evidence file (receipt, tax invoice, contract) checked by content.
/// </summary>
public sealed class Expense
{
    public const int MaxPurpose = 500;
    public const long MaxBytes = 20L * 1024 * 1024;
    public static readonly IReadOnlyList<FileType> EvidenceTypes = [FileType.Pdf, FileType.Png, FileType.Jpeg, FileType.Hwp, FileType.Hwpx];

    public int Id { get; private set; }
    public int TaskId { get; private set; }
    public DateOnly SpentOn { get; private set; }
    public ExpenseCategory Category { get; private set; }
    public long Amount { get; private set; }
    public string VendorNumber { get; private set; } = "";
    public string VendorName { get; private set; } = "";
    public string Purpose { get; private set; } = "";
    public Guid? EvidenceId { get; private set; }
    public StoredFile? Evidence { get; private set; }
    public ExpenseSource Source { get; private set; }
    /// <summary>What staff do not recognise of it at settlement (won, 0 to the amount), with the reason the company reads.</summary>
    public long DisallowedAmount { get; private set; }
    public string? DisallowReason { get; private set; }
    public Guid RecordedById { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    private Expense()
    {
    }

    /// <summary>The expense, or the problems of its fields (field, message key, arguments): nothing is made from a bad one.</summary>
    public static (Expense? Expense, IReadOnlyList<TaskRules.Problem> Problems) Make(FundedTask task, DateOnly spentOn, ExpenseCategory category, long amount,
        string vendorNumber, string vendorName, string purpose, ExpenseSource source, Guid memberId, DateTimeOffset now)
    {
        var problems = new List<TaskRules.Problem>();
        if (task.Status != FundedTaskStatus.InProgress || task.InForce is not { } agreement)
        {
            problems.Add(new("", "expense.not-running", "Expense.NotRunning", []));
            return (null, problems);
        }
        if (spentOn < task.StartsOn || spentOn > task.EndsOn)
        {
            problems.Add(new("SpentOn", "expense.outside-period", "Expense.OutsidePeriod",
                [task.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), task.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]));
        }
        if (!agreement.Terms.Budget.Any(b => b.Category == category && b.Total > 0))
        {
            problems.Add(new("Category", "expense.category-not-planned", "Expense.CategoryNotPlanned", []));
        }
        if (amount is <= 0 or > TaskRules.MaxAmount)
        {
            problems.Add(new("Amount", "expense.amount-invalid", "Expense.AmountInvalid", []));
        }
        if (!Accounts.BusinessNumber.TryParse(vendorNumber, out var vendor))
        {
            problems.Add(new("VendorNumber", "expense.vendor-invalid", "Expense.VendorInvalid", []));
        }
        if (vendorName.Trim().Length is 0 or > 200)
        {
            problems.Add(new("VendorName", "expense.vendor-name", "Expense.VendorNameInvalid", []));
        }
        if (purpose.Trim().Length is 0 or > MaxPurpose)
        {
            problems.Add(new("Purpose", "expense.purpose", "Expense.PurposeInvalid", [MaxPurpose]));
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        return (new Expense
        {
            TaskId = task.Id, SpentOn = spentOn, Category = category, Amount = amount, VendorNumber = vendor!.Value.Digits, VendorName = vendorName.Trim(),
            Purpose = purpose.Trim(), Source = source, RecordedById = memberId, RecordedAt = now,
        }, problems);
    }

    public void AttachEvidence(StoredFile file) => Evidence = file;

    /// <summary>Staff disallow part or all of the expense (0 clears it); a reason is required for any amount.</summary>
    public void Disallow(long amount, string? reason)
    {
        if (amount < 0 || amount > Amount)
        {
            throw new DomainException("expense.disallow-amount", "Expense.DisallowAmount", ProblemKind.Invalid, "DisallowedAmount");
        }
        if (amount > 0 && (reason is null || reason.Trim().Length is 0 or > 500))
        {
            throw new DomainException("expense.disallow-reason", "Expense.DisallowReason", ProblemKind.Invalid, "DisallowReason");
        }
        (DisallowedAmount, DisallowReason) = (amount, amount == 0 ? null : reason!.Trim());
    }
}

/// <summary>What staff look at on an expense (자동 점검): each is a reason to check the evidence, not a verdict.</summary>
public enum ExpenseCheck
{
    OverPlan,
    WeekendOrHoliday,
    OwnCompany,
    SplitPurchase,
    MissingEvidence,
}

/// <summary>
/// The automatic flags of a task's expenses, computed from the expenses, the plan in force and the holidays (data in
/// <c>Data/Seed/holidays-kr.csv</c>): spending beyond a category's plan (from the expense that crosses it), on a weekend
/// or public holiday, paid to the company itself or to a researcher's organization, split purchases (same vendor, same day, each below
/// <see cref="SplitThreshold"/> but together at or above it), and no evidence.
/// </summary>
public static class ExpenseChecks
{
    /// <summary>The amount above which a purchase needs a contract (수의계약 기준 as a platform default), in won.</summary>
    public const long SplitThreshold = 5_000_000;

    public sealed record Input(int Id, DateOnly SpentOn, ExpenseCategory Category, long Amount, string VendorNumber, bool HasEvidence);

    /// <param name="ownNumbers">The company's business number and its researchers' organizations': paying them is self-dealing.</param>
    public static Dictionary<int, List<ExpenseCheck>> Compute(IReadOnlyList<Input> expenses, IReadOnlyList<BudgetLine> plan, IReadOnlyCollection<string> ownNumbers,
        IReadOnlySet<DateOnly> holidays)
    {
        var flags = expenses.ToDictionary(e => e.Id, _ => new List<ExpenseCheck>());
        var planned = plan.ToDictionary(b => b.Category, b => b.Total);
        foreach (var category in expenses.GroupBy(e => e.Category))
        {
            long spent = 0;
            foreach (var e in category.OrderBy(e => e.SpentOn).ThenBy(e => e.Id))
            {
                spent += e.Amount;
                if (spent > planned.GetValueOrDefault(category.Key))
                {
                    flags[e.Id].Add(ExpenseCheck.OverPlan);
                }
            }
        }
        foreach (var e in expenses)
        {
            if (e.SpentOn.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || holidays.Contains(e.SpentOn))
            {
                flags[e.Id].Add(ExpenseCheck.WeekendOrHoliday);
            }
            if (ownNumbers.Contains(e.VendorNumber))
            {
                flags[e.Id].Add(ExpenseCheck.OwnCompany);
            }
            if (!e.HasEvidence)
            {
                flags[e.Id].Add(ExpenseCheck.MissingEvidence);
            }
        }
        foreach (var day in expenses.Where(e => e.Amount < SplitThreshold).GroupBy(e => (e.VendorNumber, e.SpentOn)).Where(g => g.Count() > 1 && g.Sum(e => e.Amount) >= SplitThreshold))
        {
            foreach (var e in day)
            {
                flags[e.Id].Add(ExpenseCheck.SplitPurchase);
            }
        }
        return flags;
    }
}

/// <summary>Korean public holidays, read once from <c>Data/Seed/holidays-kr.csv</c> (date,name; the office keeps it current).</summary>
public sealed class KoreanHolidays
{
    public IReadOnlySet<DateOnly> Dates { get; }

    public KoreanHolidays()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "holidays-kr.csv");
        Dates = File.Exists(path)
            ? File.ReadLines(path).Skip(1).Select(l => l.Split(',')[0]).Where(d => d.Length == 10)
                .Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet()
            : new HashSet<DateOnly>();
    }
}
