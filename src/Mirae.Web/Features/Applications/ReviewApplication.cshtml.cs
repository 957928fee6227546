using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Administration;
using Mirae.Web.Features.Audit;
using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Calls;

namespace Mirae.Web.Features.Applications;

/// <summary>
/// Program staff screen one application: the call's eligibility rules against the directory profile, duplicate-support
/// flags, the decision (screen in or out, return for changes, send to evaluation) and what changed between revisions.
/// </summary>
[Authorize(Policy = AdministrationPolicies.ProgramStaff)]
[ShowsPersonalData("application:{id}")]
public sealed class ReviewApplicationModel(GetApplication get, ReviewApplications review, AppDbContext db, TimeProvider clock)
    : PageModel, IRedisplayPage
{
    public sealed record Change(string Label, string? Before, string? After);

    public GetApplication.Details Application { get; private set; } = null!;
    public Screening.Result Screening { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    /// <summary>The answers that differ between revision <see cref="From"/> and <see cref="To"/> (the last two by default).</summary>
    public IReadOnlyList<Change> Changes { get; private set; } = [];

    public DateTime DefaultReturnUntil => clock.GetUtcNow().ToKst().Date.AddDays(7).AddHours(18);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    [ErrorsOn("message")]
    public async Task<IActionResult> OnPostAsync(int id, ReviewApplications.Decision decision, string? message,
        [SensibleDate, Display(Name = "Review.ReturnUntil")] DateTime? returnUntil, CancellationToken cancellationToken)
    {
        if (ModelState.GetFieldValidationState(nameof(returnUntil)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            return await RedisplayAsync(cancellationToken);
        }
        // DecideAsync loads the application itself; the page's data is loaded only if it is shown again.
        await review.DecideAsync(id, decision, message, returnUntil is { } until ? CallForm.FromKst(until) : null, User.UserId(), cancellationToken);
        TempData["Flash"] = "Review.Decided." + decision;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(this.RouteId(), cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await get.HandleAsync(id, cancellationToken) is not { } application)
        {
            return false;
        }
        Application = application;
        Screening = await Applications.Screening.EvaluateAsync(db, id, clock.GetUtcNow(), cancellationToken);
        var revisions = application.Revisions;
        if (revisions.Count >= 2)
        {
            var to = revisions.FirstOrDefault(r => r.Number == To) ?? revisions[^1];
            var from = revisions.FirstOrDefault(r => r.Number == From) ?? revisions[^2];
            (From, To) = (from.Number, to.Number);
            Changes = application.Call.Form.SelectMany(s => s.Fields).Where(f => f.Type != FieldType.File)
                .Select(f => new Change(Language.Pick(f.LabelKo, f.LabelEn), from.Answers.GetValueOrDefault(f.Key), to.Answers.GetValueOrDefault(f.Key)))
                .Where(c => c.Before != c.After).ToList();
        }
        return true;
    }
}
