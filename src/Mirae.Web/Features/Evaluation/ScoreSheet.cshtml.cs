using Mirae.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Evaluation;

/// <summary>
/// One assignment: first the conflict declaration (nothing of the application is shown before it), then the
/// application's answers and the rubric to score, save and submit. Only the evaluator's own sheet is ever shown.
/// </summary>
[Authorize(Policy = EvaluationPolicies.Evaluator)]
[ShowsPersonalData("evaluation:{id}")]
public sealed class ScoreSheetModel(ScoreApplication score, AppDbContext db, IStringLocalizer<SharedResource> text) : PageModel, IRedisplayPage
{
    public ScoreApplication.Sheet Sheet { get; private set; } = null!;

    /// <summary>What the form posted, kept to show back after an error.</summary>
    public IReadOnlyList<CriterionScore>? Posted { get; private set; }
    public string? PostedOpinion { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>A file of the application, once no conflict was declared; always a download, logged as personal-data access.</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, int attachmentId, CancellationToken cancellationToken)
    {
        if (await score.GetAsync(id, User.UserId(), cancellationToken) is not { MayRead: true } sheet || sheet.Attachments.All(a => a.Id != attachmentId))
        {
            return NotFound();
        }
        var file = await db.Applications.AsNoTracking().Where(a => a.Id == sheet.ApplicationId).SelectMany(a => a.Attachments).Where(x => x.Id == attachmentId)
            .Select(x => new { x.File.FileName, x.File.Type, x.File.Content.Bytes }).SingleAsync(cancellationToken);
        PersonalData.About(HttpContext, $"application:{sheet.ApplicationId}");
        return File(file.Bytes, FileTypes.ContentType(file.Type), file.FileName);
    }

    public async Task<IActionResult> OnPostDeclareAsync(int id, bool conflicted, string? note, CancellationToken cancellationToken)
    {
        await score.DeclareAsync(id, User.UserId(), conflicted, note, cancellationToken);
        TempData["Flash"] = text[conflicted ? "Evaluations.ConflictRecorded" : "Evaluations.NoConflictRecorded"].Value;
        return conflicted ? Redirect("/evaluations") : RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, string[]? points, string[]? comments, string? opinion, bool submit, CancellationToken cancellationToken)
    {
        // A draft may leave points blank (kept as 0); a submission needs every criterion scored.
        var parsed = (points ?? []).Select(p => string.IsNullOrWhiteSpace(p) ? 0
            : int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1).ToList();
        Posted = parsed.Select((p, i) => new CriterionScore(p, comments?.ElementAtOrDefault(i) ?? "")).ToList();
        PostedOpinion = opinion;
        if (submit && (points ?? []).Any(string.IsNullOrWhiteSpace))
        {
            ModelState.AddModelError("", text["Assignment.PointsMissing"]);
            return await RedisplayAsync(cancellationToken);
        }
        await score.SaveAsync(id, User.UserId(), Posted, opinion ?? "", submit, cancellationToken);
        TempData["Flash"] = text[submit ? "Evaluations.Submitted" : "Evaluations.Saved"].Value;
        return submit ? Redirect("/evaluations") : RedirectToPage(new { id });
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken) =>
        await LoadAsync(this.RouteId(), cancellationToken) ? Page() : NotFound();

    public string? FieldFor(DomainException broken) => broken.Code == "assignment.conflict-note-required" ? "note" : null;

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await score.GetAsync(id, User.UserId(), cancellationToken) is not { } sheet)
        {
            return false;
        }
        Sheet = sheet;
        return true;
    }
}
