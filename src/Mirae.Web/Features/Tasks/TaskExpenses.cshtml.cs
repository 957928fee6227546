using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Tasks;

/// <summary>
/// A task's expenses (집행 내역): the company's members record one with its evidence or import a statement; everyone who
/// may see the task sees each expense with its automatic flags and the spending against the plan by category.
/// </summary>
[Authorize]
[ShowsPersonalData("task:{id}:expenses")]
[RequestFormLimits(MultipartBodyLengthLimit = Expense.MaxBytes + 1024 * 1024)]
public sealed class TaskExpensesModel(AppDbContext db, ReadTasks read, RecordExpenses record, KoreanHolidays holidays, IAuthorizationService authorization,
    IStringLocalizer<SharedResource> text) : PageModel, IRedisplayPage
{
    public sealed record Row(int Id, DateOnly SpentOn, ExpenseCategory Category, long Amount, string VendorNumber, string VendorName, string Purpose,
        string? EvidenceName, IReadOnlyList<ExpenseCheck> Flags);

    public ReadTasks.Details Task { get; private set; } = null!;
    /// <summary>Every expense of the task (the totals and checks need all of them).</summary>
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The rows the list shows: <see cref="PageSize"/> at a time, newest last.</summary>
    public IReadOnlyList<Row> Shown => [.. Rows.Skip((PageNumber - 1) * PageSize).Take(PageSize)];

    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public int PageCount => Math.Max(1, (Rows.Count + PageSize - 1) / PageSize);
    public bool CanRecord { get; private set; }

    [BindProperty(Name = "Expense")]
    public ExpenseForm Form { get; set; } = new();

    public sealed class ExpenseForm
    {
        public DateOnly? SpentOn { get; set; }
        public ExpenseCategory Category { get; set; }
        public long? Amount { get; set; }
        public string? VendorNumber { get; set; }
        public string? VendorName { get; set; }
        public string? Purpose { get; set; }
        public IFormFile? Evidence { get; set; }
    }

    [BindProperty]
    public IFormFile? Statement { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(id, TaskOperations.View) is { } refused)
        {
            return refused;
        }
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(id, TaskOperations.Accept) is { } refused)
        {
            return refused;
        }
        try
        {
            await using var evidence = Form.Evidence?.OpenReadStream();
            await record.AddAsync(id, new RecordExpenses.Input(Form.SpentOn ?? default, Form.Category, Form.Amount ?? 0, Form.VendorNumber ?? "", Form.VendorName ?? "",
                    Form.Purpose ?? ""), Form.Evidence is { } f ? new RecordExpenses.Upload(evidence!, f.Length, f.FileName) : null, User.UserId(), cancellationToken);
        }
        catch (RecordExpenses.RefusedException refusedRows)
        {
            foreach (var (_, problem) in refusedRows.Problems)
            {
                ModelState.AddModelError(problem.Field.Length == 0 ? "" : "Expense." + problem.Field, text[problem.MessageKey, problem.Arguments]);
            }
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        TempData["Flash"] = "Expense.Recorded";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostImportAsync(int id, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(id, TaskOperations.Accept) is { } refused)
        {
            return refused;
        }
        if (Statement is null)
        {
            ModelState.AddModelError(nameof(Statement), text["Expense.ImportMissing"]);
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        try
        {
            await using var content = Statement.OpenReadStream();
            var count = await record.ImportAsync(id, content, Statement.Length, User.UserId(), cancellationToken);
            TempData["Flash"] = "Expense.Imported";
            TempData["FlashCount"] = count;
        }
        catch (RecordExpenses.RefusedException refusedRows)
        {
            var name = FileTypes.SafeName(Statement.FileName);
            foreach (var (line, problem) in refusedRows.Problems.Take(50))
            {
                ModelState.AddModelError(nameof(Statement), $"{name}:{line}: {text[problem.MessageKey, problem.Arguments]}");
            }
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        return RedirectToPage(new { id });
    }

    /// <summary>An expense's evidence, always as a download.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(int id, int expenseId, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(id, TaskOperations.View) is { } refused)
        {
            return refused;
        }
        var file = await db.Expenses.AsNoTracking().Where(e => e.Id == expenseId && e.TaskId == id && e.Evidence != null)
            .Select(e => new { e.Evidence!.FileName, e.Evidence.Type, e.Evidence.Content.Bytes }).SingleOrDefaultAsync(cancellationToken);
        return file is null ? NotFound() : File(file.Bytes, FileTypes.ContentType(file.Type), file.FileName);
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(int.Parse((string)RouteData.Values["id"]!, CultureInfo.InvariantCulture), cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> AllowedAsync(int id, OperationAuthorizationRequirement operation)
    {
        var access = await TaskAccess.CheckAsync(read, authorization, HttpContext, id, operation);
        CanRecord = access.CanAccept;
        return access.Refused;
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        Task = await read.DetailsAsync(id, cancellationToken) ?? throw new NotFoundException("task");
        var expenses = await db.Expenses.AsNoTracking().Where(e => e.TaskId == id).OrderBy(e => e.SpentOn).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.SpentOn, e.Category, e.Amount, e.VendorNumber, e.VendorName, e.Purpose, Evidence = e.Evidence == null ? null : e.Evidence.FileName })
            .ToListAsync(cancellationToken);
        var own = await db.TaskResearchers.AsNoTracking().Where(r => r.TaskId == id && r.AffiliationNumber != null).Select(r => r.AffiliationNumber!).ToListAsync(cancellationToken);
        own.Add(Task.Task.BusinessNumber);
        var flags = ExpenseChecks.Compute([.. expenses.Select(e => new ExpenseChecks.Input(e.Id, e.SpentOn, e.Category, e.Amount, e.VendorNumber, e.Evidence is not null))],
            Task.Budget, own, holidays.Dates);
        Rows = [.. expenses.Select(e => new Row(e.Id, e.SpentOn, e.Category, e.Amount, e.VendorNumber, e.VendorName, e.Purpose, e.Evidence, flags[e.Id]))];
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
    }
}
