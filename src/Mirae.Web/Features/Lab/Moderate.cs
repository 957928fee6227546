using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>
/// Moderators hide a post with a reason shown in its place (its reports are resolved with it); the author is told and may
/// appeal once; a moderator upholds the appeal (the post shows again) or rejects it. Every step is audited.
/// </summary>
public sealed class Moderate(AppDbContext db, AuditLog audit, Notify notify, TimeProvider clock)
{
    public async Task HideAsync(int problemId, int? ideaId, Guid moderatorId, string reason, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken); // hidden with its reports resolved, or neither
        var now = clock.GetUtcNow();
        var (author, title) = await ChangeAsync(problemId, ideaId, m => m.Hide(reason, moderatorId, now), cancellationToken);
        await db.ContentReports.Where(r => r.ProblemId == problemId && r.IdeaId == ideaId && r.ResolvedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ResolvedAt, now), cancellationToken);
        audit.Add(AuditActions.LabHidden, Participate.Subject(problemId, ideaId), reason.Trim());
        await notify.AddAsync([author], $"lab.hidden:{Participate.Subject(problemId, ideaId)}:{now:yyyyMMddHHmm}", "Notification.LabHidden",
            $"/lab/problems/{problemId}", [title, reason.Trim()], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Reports that need no action: resolved without hiding.</summary>
    public async Task DismissAsync(int problemId, int? ideaId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ContentReports.Where(r => r.ProblemId == problemId && r.IdeaId == ideaId && r.ResolvedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ResolvedAt, clock.GetUtcNow()), cancellationToken);
        audit.Add(AuditActions.LabHidden, Participate.Subject(problemId, ideaId), "reports dismissed");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task AppealAsync(int problemId, int? ideaId, Guid authorId, string appeal, CancellationToken cancellationToken)
    {
        PersonalDataCheck.Refuse(appeal, "Appeal");
        var (author, _) = await ChangeAsync(problemId, ideaId, m => m.AppealWith(appeal, clock.GetUtcNow()), cancellationToken);
        if (author != authorId)
        {
            throw new DomainException("lab.not-yours", "Lab.NotYours", ProblemKind.Forbidden);
        }
        audit.Add(AuditActions.LabAppealed, Participate.Subject(problemId, ideaId), appeal.Trim());
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DecideAsync(int problemId, int? ideaId, bool upheld, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (author, title) = await ChangeAsync(problemId, ideaId, m => m.Decide(upheld, now), cancellationToken);
        audit.Add(AuditActions.LabAppealDecided, Participate.Subject(problemId, ideaId), upheld ? "upheld: shown again" : "rejected: stays hidden");
        await notify.AddAsync([author], $"lab.appeal:{Participate.Subject(problemId, ideaId)}", upheld ? "Notification.LabAppealUpheld" : "Notification.LabAppealRejected",
            $"/lab/problems/{problemId}", [title], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<(Guid Author, string Title)> ChangeAsync(int problemId, int? ideaId, Func<Moderation, Moderation> change, CancellationToken cancellationToken)
    {
        var problem = await db.LabProblems.SingleOrDefaultAsync(p => p.Id == problemId && p.RemovedAt == null, cancellationToken)
            ?? throw new NotFoundException("problem");
        if (ideaId is { } id)
        {
            var idea = await db.Ideas.SingleOrDefaultAsync(i => i.Id == id && i.ProblemId == problemId && i.RemovedAt == null, cancellationToken)
                ?? throw new NotFoundException("idea");
            idea.Moderate(change(idea.Moderation));
            return (idea.AuthorId, problem.Title);
        }
        problem.Moderate(change(problem.Moderation));
        return (problem.AuthorId, problem.Title);
    }
}
