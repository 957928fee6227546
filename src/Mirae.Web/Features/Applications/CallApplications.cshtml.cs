using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Administration;
using Mirae.Web.Features.Audit;
using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Calls;

namespace Mirae.Web.Features.Applications;

/// <summary>
/// Program staff see a call's applications with totals of the amounts requested, filter them, screen in or send to
/// evaluation in batch, and export the list to CSV. Opening the list is a personal-data access and is audited.
/// </summary>
[Authorize(Policy = AdministrationPolicies.ProgramStaff)]
[ShowsPersonalData("call:{id}:applications")]
public sealed class CallApplicationsModel(GetCall get, ListCallApplications list, ReviewApplications review, AppDbContext db,
    IStringLocalizer<SharedResource> text) : PageModel, IRedisplayPage
{
    [BindProperty(SupportsGet = true)]
    public ApplicationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Applicant { get; set; }

    public GetCall.Details Call { get; private set; } = null!;
    public ListCallApplications.Result Applications { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        return File(ListCallApplications.ToCsv(Applications.Rows, key => text[key]), "text/csv; charset=utf-8", $"mirae-call-{id}-applications.csv");
    }

    public async Task<IActionResult> OnPostBatchAsync(int id, ReviewApplications.Decision decision, int[]? selected, CancellationToken cancellationToken)
    {
        if (!await db.Calls.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return NotFound();
        }
        if (selected is not { Length: > 0 })
        {
            ModelState.AddModelError("", text["Review.NoneSelected"]);
            return await RedisplayAsync(cancellationToken);
        }
        // Only this call's applications, whatever ids were posted.
        var ids = await db.Applications.Where(a => a.CallId == id && selected.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        var skipped = await review.BatchAsync(ids, decision, User.UserId(), cancellationToken);
        // Why the others were left, once per reason ("the call is still open" rather than a bare count).
        TempData["Flash"] = string.Join(" ", skipped.Select(s => s.MessageKey).Distinct().Select(key => text[key].Value)
            .Prepend(text["Review.BatchDone", ids.Count - skipped.Count, skipped.Count].Value));
        return RedirectToPage(new { id, status = Status, applicant = Applicant });
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(this.RouteId(), cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await get.HandleAsync(id, includeDrafts: true, cancellationToken) is not { } call)
        {
            return false;
        }
        Call = call;
        Applications = await list.HandleAsync(id, Status, Applicant, includeDrafts: false, cancellationToken);
        return true;
    }
}
