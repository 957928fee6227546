using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>A guardian's page: each child they consented for, the child's posts (removable), and withdrawing consent, which hides them all.</summary>
[Authorize]
[Audit.ShowsPersonalData("lab:guardian")]
public sealed class GuardianModel(AppDbContext db, Guardians guardians, Participate participate) : PageModel, IRedisplayPage
{
    public sealed record Post(int ProblemId, int? IdeaId, string Text, DateTimeOffset At, bool Removed);

    public sealed record ChildView(LabMember Member, IReadOnlyList<Post> Posts);

    public IReadOnlyList<ChildView> Children { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["NoIndex"] = true;
        var userId = User.UserId();
        var children = await db.LabMembers.AsNoTracking().Where(m => m.GuardianId == userId).OrderBy(m => m.Nickname).ToListAsync(cancellationToken);
        var ids = children.Select(c => c.UserId).ToList();
        var problems = await db.LabProblems.AsNoTracking().Where(p => ids.Contains(p.AuthorId))
            .Select(p => new { p.AuthorId, p.Id, p.Title, p.CreatedAt, p.RemovedAt }).ToListAsync(cancellationToken);
        var ideas = await db.Ideas.AsNoTracking().Where(i => ids.Contains(i.AuthorId))
            .Select(i => new { i.AuthorId, i.ProblemId, i.Id, i.Text, i.CreatedAt, i.RemovedAt }).ToListAsync(cancellationToken);
        Children = [.. children.Select(c => new ChildView(c,
            [.. problems.Where(p => p.AuthorId == c.UserId).Select(p => new Post(p.Id, null, p.Title, p.CreatedAt, p.RemovedAt != null))
                .Concat(ideas.Where(i => i.AuthorId == c.UserId).Select(i => new Post(i.ProblemId, i.Id, i.Text, i.CreatedAt, i.RemovedAt != null)))
                .OrderByDescending(p => p.At)]))];
    }

    public async Task<IActionResult> OnPostRemoveAsync(int problemId, int? ideaId, CancellationToken cancellationToken)
    {
        await participate.RemoveAsync(problemId, ideaId, User.UserId(), cancellationToken);
        TempData["Flash"] = "Lab.Removed";
        return Redirect("/lab/guardian");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid childId, CancellationToken cancellationToken)
    {
        await guardians.WithdrawAsync(childId, User.UserId(), cancellationToken);
        TempData["Flash"] = "Lab.ConsentWithdrawnDone";
        return Redirect("/lab/guardian");
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
