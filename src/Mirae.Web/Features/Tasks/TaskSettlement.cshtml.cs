using System.Globalization;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Tasks;

/// <summary>
/// A task's settlement (정산): the table by category (plan, executed, disallowed, beyond plan, recognised; the grant paid
/// and to return), each disallowed line with its reason, the company's one objection, staff's steps, and the exports
/// (Excel, CSV). The company sees it once staff share it.
/// </summary>
[Authorize]
[ShowsPersonalData("task:{id}:settlement")]
public sealed class TaskSettlementModel(AppDbContext db, ReadTasks read, SettleTask settle, IAuthorizationService authorization, IStringLocalizer<SharedResource> text)
    : PageModel, IRedisplayPage
{
    public sealed record Disallowed(int Id, DateOnly SpentOn, ExpenseCategory Category, long Amount, string VendorName, string Purpose, long DisallowedAmount,
        string? Reason);

    public ReadTasks.Details Task { get; private set; } = null!;
    public Settlement.Result Result { get; private set; } = null!;
    public IReadOnlyList<Disallowed> Lines { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanObject { get; private set; }
    public DateTimeOffset? SharedAt { get; private set; }
    public string? Objection { get; private set; }
    public DateTimeOffset? ObjectedAt { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(id, TaskOperations.View) is { } refused)
        {
            return refused;
        }
        await LoadAsync(id, cancellationToken);
        return CanManage || SharedAt is not null ? Page() : NotFound(); // the company sees it once shared
    }

    public Task<IActionResult> OnPostStartAsync(int id, int version, CancellationToken cancellationToken) =>
        StaffStepAsync(id, () => settle.StartAsync(id, version, cancellationToken), "Settlement.Started");

    public Task<IActionResult> OnPostShareAsync(int id, int version, CancellationToken cancellationToken) =>
        StaffStepAsync(id, () => settle.ShareAsync(id, version, cancellationToken), "Settlement.SharedFlash");

    public Task<IActionResult> OnPostFinalizeAsync(int id, int version, CancellationToken cancellationToken) =>
        StaffStepAsync(id, () => settle.FinalizeAsync(id, version, cancellationToken), "Settlement.Finalized");

    [ErrorsOn("Reason")]
    public Task<IActionResult> OnPostDisallowAsync(int id, int expenseId, long? amount, CancellationToken cancellationToken) =>
        StaffStepAsync(id, () => settle.DisallowAsync(id, expenseId, amount ?? -1, Reason, cancellationToken), "Settlement.LineSaved");

    [ErrorsOn("Reason")]
    public async Task<IActionResult> OnPostObjectAsync(int id, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(id, TaskOperations.Accept) is { } refused)
        {
            return refused;
        }
        await settle.ObjectAsync(id, Reason ?? "", cancellationToken);
        TempData["Flash"] = "Settlement.ObjectionFiled";
        return RedirectToPage(new { id });
    }

    /// <summary>The settlement as an Excel workbook: the table by category and the disallowed lines.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(id, TaskOperations.View) is { } refused)
        {
            return refused;
        }
        await LoadAsync(id, cancellationToken);
        if (!CanManage && SharedAt is null)
        {
            return NotFound();
        }
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(text["Settlement.Title"].Value);
        var rows = Table();
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Count; c++)
            {
                if (r > 0 && c > 0 && long.TryParse(rows[r][c], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var won))
                {
                    sheet.Cell(r + 1, c + 1).Value = won;
                    sheet.Cell(r + 1, c + 1).Style.NumberFormat.Format = "#,##0";
                }
                else
                {
                    sheet.Cell(r + 1, c + 1).Value = rows[r][c];
                }
            }
        }
        sheet.Row(1).Style.Font.Bold = true;
        var lines = workbook.Worksheets.Add(text["Settlement.DisallowedLines"].Value);
        var header = new[] { text["Expense.SpentOn"].Value, text["Task.Category"].Value, text["Expense.Amount"].Value, text["Expense.Vendor"].Value, text["Expense.Purpose"].Value,
            text["Settlement.DisallowedColumn"].Value, text["Settlement.Reason"].Value };
        for (var c = 0; c < header.Length; c++)
        {
            lines.Cell(1, c + 1).Value = header[c];
        }
        for (var r = 0; r < Lines.Count; r++)
        {
            var l = Lines[r];
            lines.Cell(r + 2, 1).Value = l.SpentOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            lines.Cell(r + 2, 2).Value = text["ExpenseCategory." + l.Category].Value;
            lines.Cell(r + 2, 3).Value = l.Amount;
            lines.Cell(r + 2, 4).Value = l.VendorName;
            lines.Cell(r + 2, 5).Value = l.Purpose;
            lines.Cell(r + 2, 6).Value = l.DisallowedAmount;
            lines.Cell(r + 2, 7).Value = l.Reason ?? "";
        }
        // Fixed widths: measuring text (AdjustToContents) needs fonts the server may not have.
        sheet.Columns().Width = 18;
        lines.Columns().Width = 18;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"settlement-{Task.Task.Number}.xlsx");
    }

    /// <summary>The settlement table as UTF-8 CSV with a BOM (Excel opens Korean right).</summary>
    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(id, TaskOperations.View) is { } refused)
        {
            return refused;
        }
        await LoadAsync(id, cancellationToken);
        if (!CanManage && SharedAt is null)
        {
            return NotFound();
        }
        var csv = string.Join("\n", Table().Select(CsvExport.Line)) + "\n";
        return File(CsvExport.Bytes(csv), "text/csv", $"settlement-{Task.Task.Number}.csv");
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(int.Parse((string)RouteData.Values["id"]!, CultureInfo.InvariantCulture), cancellationToken);
        return Page();
    }

    /// <summary>The settlement table: a header, a row per category, the total, then the grant paid and to return.</summary>
    public List<List<string>> Table()
    {
        static string W(long won) => won.ToString(CultureInfo.InvariantCulture);
        var rows = new List<List<string>>
        {
            new() { text["Task.Category"], text["Expense.Planned"], text["Settlement.Executed"], text["Settlement.DisallowedColumn"], text["Settlement.OverPlan"],
                text["Settlement.Recognised"], text["Settlement.RecognisedGrant"] },
        };
        rows.AddRange(Result.Lines.Select(l => new List<string>
            { text["ExpenseCategory." + l.Category], W(l.Planned), W(l.Executed), W(l.Disallowed), W(l.OverPlan), W(l.Recognised), W(l.RecognisedGrant) }));
        var r = Result;
        rows.Add([text["Task.Total"], W(r.Planned), W(r.Executed), W(r.Disallowed), W(r.OverPlan), W(r.Recognised), W(r.RecognisedGrant)]);
        rows.Add([text["Settlement.Paid"], W(r.Paid)]);
        rows.Add([text["Settlement.ToReturn"], W(r.ToReturn)]);
        return rows;
    }

    private async Task<IActionResult> StaffStepAsync(int id, Func<Task> step, string flash)
    {
        if (await AllowedAsync(id, TaskOperations.Manage) is { } refused)
        {
            return refused;
        }
        await step();
        TempData["Flash"] = flash;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> AllowedAsync(int id, OperationAuthorizationRequirement operation)
    {
        var access = await TaskAccess.CheckAsync(read, authorization, HttpContext, id, operation);
        (CanManage, CanObject) = (access.CanManage, access.CanAccept);
        return access.Refused;
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        Task = await read.DetailsAsync(id, cancellationToken) ?? throw new NotFoundException("task");
        Result = await settle.ComputeAsync(id, cancellationToken);
        var state = await db.FundedTasks.AsNoTracking().Where(t => t.Id == id).Select(t => new { t.SettlementSharedAt, t.Objection, t.ObjectedAt })
            .SingleAsync(cancellationToken);
        (SharedAt, Objection, ObjectedAt) = (state.SettlementSharedAt, state.Objection, state.ObjectedAt);
        Lines = await db.Expenses.AsNoTracking().Where(e => e.TaskId == id).OrderBy(e => e.SpentOn).ThenBy(e => e.Id)
            .Select(e => new Disallowed(e.Id, e.SpentOn, e.Category, e.Amount, e.VendorName, e.Purpose, e.DisallowedAmount, e.DisallowReason)).ToListAsync(cancellationToken);
    }
}
