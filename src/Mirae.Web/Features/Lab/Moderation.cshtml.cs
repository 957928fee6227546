using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>The moderators' queue: reported posts (with every reason given), to hide with a reason or dismiss; and open appeals, to uphold or reject.</summary>
[Authorize(Policy = LabPolicies.Moderators)]
public sealed class ModerationModel(AppDbContext db, Moderate moderate) : PageModel, IRedisplayPage
{
    public sealed record Reported(int ProblemId, int? IdeaId, string Text, IReadOnlyList<string> Reasons, DateTimeOffset First);

    public sealed record Appealed(int ProblemId, int? IdeaId, string Text, string HiddenReason, string Appeal);

    public IReadOnlyList<Reported> Reports { get; private set; } = [];
    public IReadOnlyList<Appealed> Appeals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var open = await db.ContentReports.AsNoTracking().Where(r => r.ResolvedAt == null).OrderBy(r => r.CreatedAt).Take(500).ToListAsync(cancellationToken);
        var problemIds = open.Select(r => r.ProblemId).Distinct().ToList();
        var ideaIds = open.Where(r => r.IdeaId != null).Select(r => r.IdeaId!.Value).Distinct().ToList();
        var problems = await db.LabProblems.AsNoTracking().Where(p => problemIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title + "\n" + p.Description, cancellationToken);
        var ideas = await db.Ideas.AsNoTracking().Where(i => ideaIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Text, cancellationToken);
        Reports = [.. open.GroupBy(r => (r.ProblemId, r.IdeaId)).Select(g => new Reported(g.Key.ProblemId, g.Key.IdeaId,
            g.Key.IdeaId is { } idea ? ideas.GetValueOrDefault(idea, "") : problems.GetValueOrDefault(g.Key.ProblemId, ""), [.. g.Select(r => r.Reason)], g.Min(r => r.CreatedAt)))];
        var appealedProblems = await db.LabProblems.AsNoTracking()
            .Where(p => p.RemovedAt == null && p.Moderation.AppealedAt != null && p.Moderation.AppealDecidedAt == null).ToListAsync(cancellationToken);
        var appealedIdeas = await db.Ideas.AsNoTracking()
            .Where(i => i.RemovedAt == null && i.Moderation.AppealedAt != null && i.Moderation.AppealDecidedAt == null).ToListAsync(cancellationToken);
        Appeals = [.. appealedProblems.Select(p => new Appealed(p.Id, null, p.Title, p.Moderation.HiddenReason ?? "", p.Moderation.Appeal ?? ""))
            .Concat(appealedIdeas.Select(i => new Appealed(i.ProblemId, i.Id, i.Text, i.Moderation.HiddenReason ?? "", i.Moderation.Appeal ?? "")))];
    }

    [ErrorsOn("Reason")]
    public async Task<IActionResult> OnPostHideAsync(int problemId, int? ideaId, string? reason, CancellationToken cancellationToken)
    {
        await moderate.HideAsync(problemId, ideaId, User.UserId(), reason ?? "", cancellationToken);
        TempData["Flash"] = "Lab.HiddenDone";
        return Redirect("/lab/moderation");
    }

    public async Task<IActionResult> OnPostDismissAsync(int problemId, int? ideaId, CancellationToken cancellationToken)
    {
        await moderate.DismissAsync(problemId, ideaId, cancellationToken);
        TempData["Flash"] = "Lab.Dismissed";
        return Redirect("/lab/moderation");
    }

    public async Task<IActionResult> OnPostDecideAsync(int problemId, int? ideaId, bool upheld, CancellationToken cancellationToken)
    {
        await moderate.DecideAsync(problemId, ideaId, upheld, cancellationToken);
        TempData["Flash"] = "Lab.AppealDecided";
        return Redirect("/lab/moderation");
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
