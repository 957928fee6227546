using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Calls;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>
/// A problem's page, public: what it is, its photos, ideas and comments, the agency's answer, the call and funded task
/// it became, its trial sessions and what their participants said. It offers each viewer what they may do — support,
/// add an idea, report, remove their own (or their child's), appeal; moderators hide; staff assign, link the call and
/// schedule sessions; the assigned agency answers — and every use case checks again. A child's problem is not indexed.
/// </summary>
[AllowAnonymous]
public sealed class ProblemModel(ReadLab read, Participate participate, Moderate moderate, Govern govern, Demonstrate demonstrate, ReadLedger ledger,
    AppDbContext db, TimeProvider clock) : PageModel, IRedisplayPage
{
    public ReadLab.Details Problem { get; private set; } = null!;
    public IReadOnlyList<ReadLedger.Entry> Entries { get; private set; } = [];
    public IReadOnlyList<(int Id, string NameKo, string NameEn)> Agencies { get; private set; } = [];
    public IReadOnlyList<(int Id, string TitleKo, string TitleEn)> Calls { get; private set; } = [];
    /// <summary>The funded tasks the problem's call started, for staff to name the one that builds the solution.</summary>
    public IReadOnlyList<(int Id, string Number, string Title)> CallTasks { get; private set; } = [];
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>A photo of a visible problem (never of a hidden or removed one), always as an image of ours: re-encoded JPEG.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(int id, int photoId, CancellationToken cancellationToken)
    {
        var photo = await db.ProblemPhotos.AsNoTracking()
            .Where(p => p.Id == photoId && p.ProblemId == id && db.LabProblems.Any(x => x.Id == id && x.RemovedAt == null && x.Moderation.HiddenAt == null))
            .Select(p => new { p.File.Content.Bytes, p.File.Type }).SingleOrDefaultAsync(cancellationToken);
        return photo is null ? NotFound() : File(photo.Bytes, FileTypes.ContentType(photo.Type));
    }

    public Task<IActionResult> OnPostSupportAsync(int id, CancellationToken cancellationToken) =>
        SignedInAsync(id, "Lab.Supported", user => participate.SupportAsync(id, user, cancellationToken));

    [ErrorsOn("Idea.Text")]
    public Task<IActionResult> OnPostIdeaAsync(int id, IdeaKind kind, string? text, CancellationToken cancellationToken) =>
        SignedInAsync(id, "Lab.IdeaAdded", user => participate.AddIdeaAsync(id, user, kind, text ?? "", cancellationToken));

    [ErrorsOn("Report.Reason")]
    public Task<IActionResult> OnPostReportAsync(int id, int? ideaId, string? reason, CancellationToken cancellationToken) =>
        SignedInAsync(id, "Lab.Reported", user => participate.ReportAsync(id, ideaId, user, reason ?? "", cancellationToken));

    public Task<IActionResult> OnPostRemoveAsync(int id, int? ideaId, CancellationToken cancellationToken) =>
        SignedInAsync(ideaId is null ? null : id, "Lab.Removed", user => participate.RemoveAsync(id, ideaId, user, cancellationToken));

    [ErrorsOn("Appeal")]
    public Task<IActionResult> OnPostAppealAsync(int id, int? ideaId, string? appeal, CancellationToken cancellationToken) =>
        SignedInAsync(id, "Lab.Appealed", user => moderate.AppealAsync(id, ideaId, user, appeal ?? "", cancellationToken));

    [ErrorsOn("Reason")]
    public Task<IActionResult> OnPostHideAsync(int id, int? ideaId, string? reason, CancellationToken cancellationToken) =>
        ModeratorAsync(id, "Lab.HiddenDone", user => moderate.HideAsync(id, ideaId, user, reason ?? "", cancellationToken));

    public Task<IActionResult> OnPostDecideAsync(int id, int? ideaId, bool upheld, CancellationToken cancellationToken) =>
        ModeratorAsync(id, "Lab.AppealDecided", _ => moderate.DecideAsync(id, ideaId, upheld, cancellationToken));

    [ErrorsOn("Answer.Reason")]
    public Task<IActionResult> OnPostAnswerAsync(int id, AnswerKind kind, string? reason, CancellationToken cancellationToken) =>
        SignedInAsync(id, "Lab.AnswerSaved", user => govern.AnswerAsync(id, user, kind, reason ?? "", cancellationToken));

    public Task<IActionResult> OnPostAssignAsync(int id, int agencyId, CancellationToken cancellationToken) =>
        StaffAsync(id, "Lab.AssignedDone", () => govern.AssignAsync(id, agencyId, cancellationToken));

    [ErrorsOn("CallId")]
    public Task<IActionResult> OnPostLinkCallAsync(int id, int callId, CancellationToken cancellationToken) =>
        StaffAsync(id, "Lab.CallLinked", () => govern.LinkCallAsync(id, callId, cancellationToken));

    [ErrorsOn("TaskId")]
    public Task<IActionResult> OnPostLinkTaskAsync(int id, int taskId, CancellationToken cancellationToken) =>
        StaffAsync(id, "Lab.TaskLinked", () => govern.LinkTaskAsync(id, taskId, cancellationToken));

    [ErrorsOn("Session.StartsAt")]
    public Task<IActionResult> OnPostScheduleAsync(int id, string? place, DateTime? startsAt, int capacity, CancellationToken cancellationToken) =>
        StaffAsync(id, "Lab.Scheduled", () => startsAt is { } local
            ? govern.ScheduleAsync(id, place ?? "", new DateTimeOffset(local, Kst.Offset), capacity, cancellationToken)
            : throw new DomainException("lab.session-time", "Lab.SessionTimeRequired", ProblemKind.Invalid, "Session.StartsAt"));

    public Task<IActionResult> OnPostSignUpAsync(int id, int sessionId, bool withGuardian, CancellationToken cancellationToken) =>
        SignedInAsync(id, "Lab.SignedUp", user => demonstrate.SignUpAsync(sessionId, user, withGuardian, cancellationToken));

    [ErrorsOn("Feedback.Rating")]
    public Task<IActionResult> OnPostFeedbackAsync(int id, int sessionId, int rating, string? comment, CancellationToken cancellationToken) =>
        SignedInAsync(id, "Lab.FeedbackThanks", user => demonstrate.FeedbackAsync(sessionId, user, rating, comment, cancellationToken));

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken) =>
        await LoadAsync(this.RouteId(), cancellationToken) ? Page() : NotFound();

    private async Task<IActionResult> SignedInAsync(int? backTo, string flash, Func<Guid, Task> act)
    {
        if (User.ViewerId() is not { } user)
        {
            return Challenge();
        }
        await act(user);
        TempData["Flash"] = flash;
        return Redirect(backTo is { } id ? $"/lab/problems/{id}" : "/lab");
    }

    private Task<IActionResult> ModeratorAsync(int id, string flash, Func<Guid, Task> act) =>
        User.IsInRole(Roles.Moderator) || User.IsProgramStaff() ? SignedInAsync(id, flash, act) : Task.FromResult<IActionResult>(Forbid());

    private Task<IActionResult> StaffAsync(int id, string flash, Func<Task> act) =>
        User.IsProgramStaff() ? SignedInAsync(id, flash, _ => act()) : Task.FromResult<IActionResult>(Forbid());

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await read.ProblemAsync(id, User.ViewerId(), User.IsInRole(Roles.Moderator) || User.IsProgramStaff(), User.IsProgramStaff(), cancellationToken) is not { } problem)
        {
            return false;
        }
        Problem = problem;
        Entries = await ledger.ForSubjectAsync($"lab-problem:{id}", cancellationToken);
        if (problem.ByChild)
        {
            // A child's page stays out of search engines (and the layout says so too).
            ViewData["NoIndex"] = true;
            Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        }
        if (problem.Viewer.IsStaff)
        {
            Agencies = [.. (await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken)).Select(a => (a.Id, a.NameKo, a.NameEn))];
            Calls = [.. (await db.Calls.AsNoTracking().Where(c => c.Status == CallStatus.Published).OrderByDescending(c => c.Id)
                .Select(c => new { c.Id, c.TitleKo, c.TitleEn }).ToListAsync(cancellationToken)).Select(c => (c.Id, c.TitleKo, c.TitleEn))];
            CallTasks = problem.Result.CallId is { } callId
                ? [.. (await db.FundedTasks.AsNoTracking().Where(t => t.CallId == callId).OrderBy(t => t.Number)
                    .Select(t => new { t.Id, t.Number, t.TitleKo }).ToListAsync(cancellationToken)).Select(t => (t.Id, t.Number, t.TitleKo))]
                : [];
        }
        return true;
    }

    public static string Local(DateTimeOffset at) => at.ToKst().ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
