using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>
/// Trial sessions of a solution: members sign up (a child with their guardian) up to the session's capacity — counted
/// under a lock per session, so parallel sign-ups never overfill it — and once it has started give a short feedback
/// (a rating of 1 to 5 and a comment) that the firm, the agency and staff read.
/// </summary>
public sealed class Demonstrate(AppDbContext db, Participate participate, TimeProvider clock)
{
    public async Task SignUpAsync(int sessionId, Guid userId, bool withGuardian, CancellationToken cancellationToken)
    {
        var (session, challenge) = await LoadAsync(sessionId, cancellationToken);
        var member = await participate.MayActAsync(challenge, userId, LabAction.SignUp, cancellationToken);
        if (member.IsChild && !withGuardian)
        {
            throw new DomainException("lab.child-with-guardian", "Lab.ChildComesWithGuardian", ProblemKind.Invalid, "withGuardian");
        }
        var now = clock.GetUtcNow();
        if (session.StartsAt <= now)
        {
            throw new DomainException("lab.session-started", "Lab.SessionStarted", ProblemKind.Conflict);
        }
        await using var transaction = await db.LockAsync($"lab-session:{sessionId}", cancellationToken);
        if (await db.DemoSignups.AnyAsync(s => s.SessionId == sessionId && s.UserId == userId, cancellationToken))
        {
            throw new DomainException("lab.signed-up-already", "Lab.SignedUpAlready", ProblemKind.Conflict);
        }
        if (await db.DemoSignups.CountAsync(s => s.SessionId == sessionId, cancellationToken) >= session.Capacity)
        {
            throw new DomainException("lab.session-full", "Lab.SessionFull", ProblemKind.Conflict, arguments: [session.Capacity]);
        }
        db.DemoSignups.Add(DemoSignup.For(sessionId, userId, withGuardian, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task FeedbackAsync(int sessionId, Guid userId, int rating, string? comment, CancellationToken cancellationToken)
    {
        var (session, challenge) = await LoadAsync(sessionId, cancellationToken);
        await participate.MayActAsync(challenge, userId, LabAction.Feedback, cancellationToken);
        if (session.StartsAt > clock.GetUtcNow())
        {
            throw new DomainException("lab.session-not-yet", "Lab.SessionNotYet", ProblemKind.Conflict);
        }
        var signup = await db.DemoSignups.SingleOrDefaultAsync(s => s.SessionId == sessionId && s.UserId == userId, cancellationToken)
            ?? throw new DomainException("lab.not-signed-up", "Lab.NotSignedUp", ProblemKind.Forbidden);
        PersonalDataCheck.Refuse(comment, "Feedback.Comment");
        signup.GiveFeedback(rating, comment, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<(DemoSession Session, Challenge Challenge)> LoadAsync(int sessionId, CancellationToken cancellationToken)
    {
        var session = await db.DemoSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken) ?? throw new NotFoundException("session");
        var challenge = await db.LabProblems.Where(p => p.Id == session.ProblemId).Join(db.Challenges, p => p.ChallengeId, c => c.Id, (_, c) => c)
            .AsNoTracking().SingleAsync(cancellationToken);
        return (session, challenge);
    }
}
