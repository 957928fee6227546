using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>
/// What members do in a challenge: join the lab under a nickname, post a problem (with photos), add ideas and comments,
/// support, report, and remove their own posts (a guardian, their child's). Each step checks who may act (a child only
/// with a guardian's consent), what the challenge's phase allows, and the text for personal data, before anything is saved.
/// </summary>
public sealed class Participate(AppDbContext db, AuditLog audit, Notify notify, TimeProvider clock)
{
    public sealed record PostInput(string Title, string Description, ProblemCategory Category, District District);

    /// <summary>Joins the lab (or changes the nickname and district); a child's membership is made by the child sign-up only.</summary>
    public async Task JoinAsync(Guid userId, string nickname, District? district, CancellationToken cancellationToken)
    {
        PersonalDataCheck.Refuse(nickname, "Join.Nickname");
        var member = await db.LabMembers.SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        var cleaned = Names.Clean(nickname ?? "");
        if (await db.LabMembers.AnyAsync(m => m.Nickname == cleaned && m.UserId != userId, cancellationToken))
        {
            throw new DomainException("lab.nickname-taken", "Lab.NicknameTaken", ProblemKind.Conflict, "Join.Nickname", [cleaned]);
        }
        if (member is null)
        {
            if (await db.Consents.AnyAsync(c => c.UserId == userId && c.Kind == Accounts.ConsentItems.Age14.Kind && !c.Granted, cancellationToken))
            {
                // An account made by the child sign-up (it did not confirm being 14 or older) takes part only with a guardian.
                throw new DomainException("lab.child-needs-guardian", "Lab.ChildNeedsGuardian", ProblemKind.Forbidden);
            }
            db.LabMembers.Add(LabMember.Adult(userId, nickname ?? "", district, clock.GetUtcNow()));
        }
        else
        {
            member.Change(nickname ?? "", district);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<int> PostAsync(int challengeId, Guid userId, PostInput input, IReadOnlyList<LabPhotos.Upload> photos, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.SingleOrDefaultAsync(c => c.Id == challengeId, cancellationToken) ?? throw new NotFoundException("challenge");
        await MayActAsync(challenge, userId, LabAction.Post, cancellationToken);
        var now = clock.GetUtcNow();
        var problem = LabProblem.Post(challengeId, userId, input.Title, input.Description, input.Category, input.District, now);
        PersonalDataCheck.Refuse(input.Title, "Post.Title");
        PersonalDataCheck.Refuse(input.Description, "Post.Description");
        if (photos.Count > LabPhotos.MaxCount)
        {
            throw new DomainException("lab.too-many-photos", "Lab.TooManyPhotos", ProblemKind.Invalid, "Photos", [LabPhotos.MaxCount]);
        }
        foreach (var photo in photos)
        {
            problem.Photos.Add(ProblemPhoto.Of(await LabPhotos.ReadAsync(photo, now, cancellationToken)));
        }
        db.LabProblems.Add(problem);
        await db.SaveChangesAsync(cancellationToken);
        return problem.Id;
    }

    public async Task<int> AddIdeaAsync(int problemId, Guid userId, IdeaKind kind, string text, CancellationToken cancellationToken)
    {
        var (problem, challenge) = await LoadAsync(problemId, cancellationToken);
        await MayActAsync(challenge, userId, LabAction.Idea, cancellationToken);
        var idea = Idea.Add(problem.Id, userId, kind, text, clock.GetUtcNow());
        PersonalDataCheck.Refuse(text, "Idea.Text");
        db.Ideas.Add(idea);
        if (problem.AuthorId != userId)
        {
            await notify.AddAsync([problem.AuthorId], $"lab.idea:{problem.Id}:{clock.GetUtcNow():yyyyMMddHH}", "Notification.LabIdea",
                $"/lab/problems/{problem.Id}", [problem.Title], cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return idea.Id;
    }

    /// <summary>
    /// One support per member and problem, at most the challenge's number per member: counted and added under a lock per
    /// member and challenge, so parallel clicks meet one at a time (ADR 015); the problem's count goes up in one UPDATE,
    /// so supports by different members in parallel all count, and the one reaching the threshold sends it to review.
    /// </summary>
    public async Task<bool> SupportAsync(int problemId, Guid userId, CancellationToken cancellationToken)
    {
        var (problem, challenge) = await LoadAsync(problemId, cancellationToken);
        await MayActAsync(challenge, userId, LabAction.Support, cancellationToken);
        if (problem.AuthorId == userId)
        {
            throw new DomainException("lab.own-problem", "Lab.CannotSupportOwn", ProblemKind.Conflict);
        }
        if (problem.Moderation.Hidden)
        {
            throw new DomainException("lab.hidden", "Lab.HiddenPost", ProblemKind.Conflict);
        }
        await using var transaction = await db.LockAsync($"lab-support:{challenge.Id}:{userId}", cancellationToken);
        if (await db.ProblemSupports.AnyAsync(s => s.ProblemId == problemId && s.UserId == userId, cancellationToken))
        {
            throw new DomainException("lab.supported-already", "Lab.SupportedAlready", ProblemKind.Conflict);
        }
        var used = await db.ProblemSupports.CountAsync(s => s.ChallengeId == challenge.Id && s.UserId == userId, cancellationToken);
        if (used >= challenge.SupportsPerPerson)
        {
            throw new DomainException("lab.supports-used", "Lab.SupportsUsed", ProblemKind.Conflict, arguments: [challenge.SupportsPerPerson]);
        }
        var now = clock.GetUtcNow();
        db.ProblemSupports.Add(ProblemSupport.Of(problem, userId, now));
        await db.SaveChangesAsync(cancellationToken);
        await db.LabProblems.Where(p => p.Id == problemId).ExecuteUpdateAsync(s => s.SetProperty(p => p.SupportCount, p => p.SupportCount + 1), cancellationToken);
        var reached = await db.LabProblems
            .Where(p => p.Id == problemId && p.Status == ProblemStatus.Proposed && p.SupportCount >= challenge.Threshold)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProblemStatus.InReview).SetProperty(p => p.ReviewSince, now), cancellationToken) == 1;
        if (reached)
        {
            await notify.AddAsync([problem.AuthorId], $"lab.review:{problem.Id}", "Notification.LabInReview", $"/lab/problems/{problem.Id}", [problem.Title],
                cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return reached;
    }

    /// <summary>Anyone signed in reports a post with a reason; moderators see it in their queue.</summary>
    public async Task ReportAsync(int problemId, int? ideaId, Guid userId, string reason, CancellationToken cancellationToken)
    {
        var (problem, _) = await LoadAsync(problemId, cancellationToken);
        if (ideaId is { } id && !await db.Ideas.AnyAsync(i => i.Id == id && i.ProblemId == problem.Id && i.RemovedAt == null, cancellationToken))
        {
            throw new NotFoundException("idea");
        }
        db.ContentReports.Add(ContentReport.File(problem.Id, ideaId, userId, reason, clock.GetUtcNow()));
        audit.Add(AuditActions.LabReported, Subject(problem.Id, ideaId), reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Removes a post by its author, or by the guardian of the child who wrote it.</summary>
    public async Task RemoveAsync(int problemId, int? ideaId, Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (ideaId is { } id)
        {
            var idea = await db.Ideas.SingleOrDefaultAsync(i => i.Id == id && i.ProblemId == problemId && i.RemovedAt == null, cancellationToken)
                ?? throw new NotFoundException("idea");
            await AuthorOrGuardianAsync(idea.AuthorId, userId, cancellationToken);
            idea.Remove(now);
        }
        else
        {
            var (problem, _) = await LoadAsync(problemId, cancellationToken);
            await AuthorOrGuardianAsync(problem.AuthorId, userId, cancellationToken);
            problem.Remove(now);
        }
        audit.Add(AuditActions.LabRemoved, Subject(problemId, ideaId), userId.ToString());
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string Subject(int problemId, int? ideaId) => ideaId is { } id ? $"lab-idea:{id}" : $"lab-problem:{problemId}";

    private async Task AuthorOrGuardianAsync(Guid authorId, Guid userId, CancellationToken cancellationToken)
    {
        if (authorId != userId && !await db.LabMembers.AnyAsync(m => m.UserId == authorId && m.GuardianId == userId, cancellationToken))
        {
            throw new DomainException("lab.not-yours", "Lab.NotYours", ProblemKind.Forbidden);
        }
    }

    private async Task<(LabProblem Problem, Challenge Challenge)> LoadAsync(int problemId, CancellationToken cancellationToken)
    {
        var problem = await db.LabProblems.SingleOrDefaultAsync(p => p.Id == problemId && p.RemovedAt == null, cancellationToken)
            ?? throw new NotFoundException("problem");
        return (problem, await db.Challenges.SingleAsync(c => c.Id == problem.ChallengeId, cancellationToken));
    }

    /// <summary>Whether the member may do this in this challenge now; the refusal says why (join first, consent, phase, residence).</summary>
    public async Task<LabMember> MayActAsync(Challenge challenge, Guid userId, LabAction action, CancellationToken cancellationToken)
    {
        var member = await db.LabMembers.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken)
            ?? throw new DomainException("lab.join-first", "Lab.JoinFirst", ProblemKind.Forbidden);
        Check(challenge, member, action, clock.GetUtcNow());
        return member;
    }

    public static void Check(Challenge challenge, LabMember member, LabAction action, DateTimeOffset now)
    {
        if (!member.MayAct)
        {
            throw new DomainException("lab.consent-pending", "Lab.ConsentPending", ProblemKind.Forbidden);
        }
        if (member.IsChild && !challenge.ChildrenWelcome)
        {
            throw new DomainException("lab.adults-only", "Lab.AdultsOnly", ProblemKind.Forbidden);
        }
        if (challenge.Participation == LabParticipation.IncheonResidents && member.District is null)
        {
            throw new DomainException("lab.residents-only", "Lab.ResidentsOnly", ProblemKind.Forbidden);
        }
        if (!challenge.Allows(action, now))
        {
            throw new DomainException("lab.phase-closed", $"Lab.PhaseClosed.{action}", ProblemKind.Conflict);
        }
    }
}
