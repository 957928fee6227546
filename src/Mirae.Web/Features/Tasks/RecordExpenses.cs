using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Tasks;

/// <summary>
/// A running task's members record expenses: one with its evidence file, or a card or bank statement as CSV (the
/// format in the README) where every row must be right or nothing is saved. The caller authorized
/// <see cref="TaskOperations.Accept"/> (the company's own members).
/// </summary>
public sealed class RecordExpenses(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxImportRows = 5_000;
    public const long MaxImportBytes = 5L * 1024 * 1024;

    /// <summary>The CSV columns, in any order; <c>category</c> takes the Korean name (인건비) or the English key (Personnel).</summary>
    public static readonly IReadOnlyList<string> Columns = ["date", "category", "amount", "vendor_business_number", "vendor_name", "purpose"];

    /// <summary>The Korean names of the categories, as statements and people write them.</summary>
    public static readonly IReadOnlyDictionary<string, ExpenseCategory> KoreanNames = new Dictionary<string, ExpenseCategory>
    {
        ["인건비"] = ExpenseCategory.Personnel, ["학생인건비"] = ExpenseCategory.StudentPersonnel, ["연구시설·장비비"] = ExpenseCategory.Equipment,
        ["연구시설장비비"] = ExpenseCategory.Equipment, ["연구활동비"] = ExpenseCategory.Activities, ["연구재료비"] = ExpenseCategory.Materials,
        ["연구수당"] = ExpenseCategory.Allowance, ["위탁연구개발비"] = ExpenseCategory.Outsourcing, ["간접비"] = ExpenseCategory.Indirect,
    };

    /// <summary>Rows or fields that are wrong; nothing was saved.</summary>
    public sealed class RefusedException(IReadOnlyList<(int Line, TaskRules.Problem Problem)> problems) : Exception("expenses refused")
    {
        public IReadOnlyList<(int Line, TaskRules.Problem Problem)> Problems { get; } = problems;
    }

    public sealed record Input(DateOnly SpentOn, ExpenseCategory Category, long Amount, string VendorNumber, string VendorName, string Purpose);

    public sealed record Upload(Stream Content, long Length, string FileName);

    public async Task<int> AddAsync(int taskId, Input input, Upload? evidence, Guid memberId, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(taskId, cancellationToken);
        var now = clock.GetUtcNow();
        var (expense, problems) = Expense.Make(task, input.SpentOn, input.Category, input.Amount, input.VendorNumber, input.VendorName, input.Purpose,
            ExpenseSource.Manual, memberId, now);
        if (expense is null)
        {
            throw new RefusedException([.. problems.Select(p => (0, p))]);
        }
        if (evidence is not null)
        {
            var accepted = await FileTypes.ReadAsync(evidence.Content, evidence.Length, evidence.FileName, Expense.EvidenceTypes, Expense.MaxBytes, cancellationToken);
            expense.AttachEvidence(StoredFile.Create(FileTypes.SafeName(evidence.FileName), accepted, now));
        }
        db.Expenses.Add(expense);
        audit.Add(AuditActions.TaskExpenseRecorded, $"task:{task.Number}", $"{input.SpentOn:yyyy-MM-dd} {input.Category} {input.Amount} won, evidence {evidence is not null}");
        await db.SaveChangesAsync(cancellationToken);
        return expense.Id;
    }

    /// <summary>Imports a statement; a bad row refuses the whole file, each problem with its line.</summary>
    public async Task<int> ImportAsync(int taskId, Stream content, long length, Guid memberId, CancellationToken cancellationToken)
    {
        if (length > MaxImportBytes)
        {
            throw new DomainException("expense.import-too-large", "Expense.ImportTooLarge", ProblemKind.TooLarge, "Statement", [MaxImportBytes / 1024 / 1024]);
        }
        var task = await LoadAsync(taskId, cancellationToken);
        var csv = await CsvFile.ReadAsync(content, cancellationToken);
        var problems = new List<(int, TaskRules.Problem)>(csv.Problems.Select(p => (p.Line, new TaskRules.Problem("", "expense.csv", "Expense.CsvBroken", [p.Reason]))));
        var missing = Columns.Where(c => !csv.Header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            problems.Add((1, new TaskRules.Problem("", "expense.columns", "Expense.CsvColumns", [string.Join(", ", missing)])));
        }
        if (csv.Rows.Count is 0 or > MaxImportRows)
        {
            problems.Add((1, new TaskRules.Problem("", "expense.rows", "Expense.CsvRows", [MaxImportRows])));
        }
        if (problems.Count > 0)
        {
            throw new RefusedException(problems);
        }
        var now = clock.GetUtcNow();
        var expenses = new List<Expense>();
        foreach (var row in csv.Rows)
        {
            var date = DateOnly.TryParseExact(row.Get("date"), ["yyyy-MM-dd", "yyyy.MM.dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
            var category = KoreanNames.TryGetValue(row.Get("category").Replace(" ", "", StringComparison.Ordinal), out var k) ? k
                : Enum.TryParse<ExpenseCategory>(row.Get("category"), ignoreCase: true, out var e) && Enum.IsDefined(e) ? e : (ExpenseCategory?)null;
            var amount = long.TryParse(row.Get("amount").Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var a) ? a : (long?)null;
            if (date is null || category is null || amount is null)
            {
                problems.Add((row.Line, new TaskRules.Problem(date is null ? "date" : category is null ? "category" : "amount", "expense.row-unreadable",
                    date is null ? "Expense.DateUnreadable" : category is null ? "Expense.CategoryUnknown" : "Expense.AmountInvalid", [])));
                continue;
            }
            var (expense, rowProblems) = Expense.Make(task, date.Value, category.Value, amount.Value, row.Get("vendor_business_number"), row.Get("vendor_name"),
                row.Get("purpose"), ExpenseSource.Import, memberId, now);
            problems.AddRange(rowProblems.Select(p => (row.Line, p)));
            if (expense is not null)
            {
                expenses.Add(expense);
            }
        }
        if (problems.Count > 0)
        {
            throw new RefusedException(problems);
        }
        db.Expenses.AddRange(expenses);
        audit.Add(AuditActions.TaskExpenseRecorded, $"task:{task.Number}", $"imported {expenses.Count} rows, {expenses.Sum(e => e.Amount)} won");
        await db.SaveChangesAsync(cancellationToken);
        return expenses.Count;
    }

    private async Task<FundedTask> LoadAsync(int taskId, CancellationToken cancellationToken) =>
        await db.FundedTasks.Include(t => t.Agreements).SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) ?? throw new NotFoundException("task");
}
