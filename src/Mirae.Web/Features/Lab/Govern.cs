using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>
/// What staff and agencies do: open and change challenges, move a challenge's phase on, link members to agencies,
/// assign a problem in review to an agency, answer it (the agency; public, in the log), turn an accepted problem into a
/// call for solutions, and schedule trial sessions. Each step is audited.
/// </summary>
public sealed class Govern(AppDbContext db, UserManager<AppUser> users, AuditLog audit, Notify notify, LedgerRecords ledger, TimeProvider clock)
{
    public async Task<int> SaveChallengeAsync(int? id, Challenge.Settings settings, CancellationToken cancellationToken)
    {
        Challenge challenge;
        if (id is { } existing)
        {
            challenge = await db.Challenges.SingleOrDefaultAsync(c => c.Id == existing, cancellationToken) ?? throw new NotFoundException("challenge");
            challenge.Change(settings);
        }
        else
        {
            challenge = Challenge.Open(settings, clock.GetUtcNow());
            db.Challenges.Add(challenge);
        }
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(AuditActions.LabChallengeSaved, $"lab-challenge:{challenge.Id}", challenge.Title);
        await db.SaveChangesAsync(cancellationToken);
        return challenge.Id;
    }

    /// <summary>Starts the phase after the current one now.</summary>
    public async Task AdvanceAsync(int challengeId, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.SingleOrDefaultAsync(c => c.Id == challengeId, cancellationToken) ?? throw new NotFoundException("challenge");
        var now = clock.GetUtcNow();
        var next = challenge.PhaseAt(now) is { } phase ? phase + 1 : LabPhase.Proposing;
        if (next > LabPhase.Closed)
        {
            throw new DomainException("lab.challenge-closed", "Lab.ChallengeClosed", ProblemKind.Conflict);
        }
        challenge.AdvanceTo(next, now);
        audit.Add(AuditActions.LabChallengeSaved, $"lab-challenge:{challenge.Id}", $"phase {next} started");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Links a member (by the e-mail of their account) to an agency, with the Agency role.</summary>
    public async Task AddAgentAsync(string email, int agencyId, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync((email ?? "").Trim())
            ?? throw new DomainException("lab.agent-unknown", "Lab.AgentUnknown", ProblemKind.NotFound, "Agent.Email");
        if (!await db.Agencies.AnyAsync(a => a.Id == agencyId, cancellationToken))
        {
            throw new NotFoundException("agency");
        }
        if (await db.LabMembers.AnyAsync(m => m.UserId == user.Id && m.IsChild, cancellationToken))
        {
            throw new DomainException("lab.guardian-adult", "Lab.GuardianMustBeAdult", ProblemKind.Forbidden, "Agent.Email");
        }
        if (!await db.AgencyMembers.AnyAsync(m => m.AgencyId == agencyId && m.UserId == user.Id, cancellationToken))
        {
            db.AgencyMembers.Add(AgencyMember.Of(agencyId, user.Id, clock.GetUtcNow()));
        }
        if (!await users.IsInRoleAsync(user, Roles.Agency))
        {
            (await users.AddToRoleAsync(user, Roles.Agency)).EnsureSucceeded();
        }
        audit.Add(AuditActions.LabAgentAdded, $"user:{user.Id}", $"agency {agencyId}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AssignAsync(int problemId, int agencyId, CancellationToken cancellationToken)
    {
        var problem = await LoadAsync(problemId, cancellationToken);
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId, cancellationToken) ?? throw new NotFoundException("agency");
        problem.AssignTo(agencyId, clock.GetUtcNow());
        audit.Add(AuditActions.LabAssigned, $"lab-problem:{problemId}", agency.Code);
        var agents = await db.AgencyMembers.Where(m => m.AgencyId == agencyId).Select(m => m.UserId).ToListAsync(cancellationToken);
        await notify.AddAsync(agents, $"lab.assigned:{problemId}:{agencyId}", "Notification.LabAssigned", $"/lab/problems/{problemId}", [problem.Title], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The assigned agency's answer, public on the problem's page and in the public log (no personal data: checked).</summary>
    public async Task AnswerAsync(int problemId, Guid agentId, AnswerKind kind, string reason, CancellationToken cancellationToken)
    {
        var problem = await LoadAsync(problemId, cancellationToken);
        if (problem.AgencyId is not { } agencyId || !await db.AgencyMembers.AnyAsync(m => m.AgencyId == agencyId && m.UserId == agentId, cancellationToken))
        {
            throw new DomainException("lab.not-your-agency", "Lab.NotYourAgency", ProblemKind.Forbidden);
        }
        PersonalDataCheck.Refuse(reason, "Answer.Reason");
        var now = clock.GetUtcNow();
        problem.AnswerWith(kind, reason, agentId, now);
        var agency = await db.Agencies.SingleAsync(a => a.Id == agencyId, cancellationToken);
        audit.Add(AuditActions.LabAnswered, $"lab-problem:{problemId}", $"{agency.Code} {kind}");
        ledger.Add(LedgerKinds.LabAnswer, $"lab-problem:{problemId}", new JsonObject
        {
            ["problem"] = problemId, ["challenge"] = problem.ChallengeId, ["agency"] = agency.Code, ["answer"] = kind.ToString(), ["reason"] = problem.Answer,
        });
        await notify.AddAsync([problem.AuthorId], $"lab.answer:{problemId}", "Notification.LabAnswered", $"/lab/problems/{problemId}",
            [problem.Title, Notify.Both(agency.NameKo, agency.NameEn)], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An accepted problem becomes a call for solutions: a call made in 공모 관리, which applications, evaluation and selection follow as usual.</summary>
    public async Task LinkCallAsync(int problemId, int callId, CancellationToken cancellationToken)
    {
        var problem = await LoadAsync(problemId, cancellationToken);
        if (!await db.Calls.AnyAsync(c => c.Id == callId, cancellationToken))
        {
            throw new DomainException("lab.call-unknown", "Lab.CallUnknown", ProblemKind.NotFound, "CallId");
        }
        problem.LinkCall(callId, clock.GetUtcNow());
        audit.Add(AuditActions.LabCallLinked, $"lab-problem:{problemId}", $"call {callId}");
        await notify.AddAsync([problem.AuthorId], $"lab.call:{problemId}:{callId}", "Notification.LabSolutionCall", $"/lab/problems/{problemId}", [problem.Title],
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The firm's funded task that builds the solution: one the problem's call started at selection.</summary>
    public async Task LinkTaskAsync(int problemId, int taskId, CancellationToken cancellationToken)
    {
        var problem = await LoadAsync(problemId, cancellationToken);
        if (!await db.FundedTasks.AnyAsync(t => t.Id == taskId && t.CallId == problem.CallId, cancellationToken))
        {
            throw new DomainException("lab.task-not-of-call", "Lab.TaskNotOfCall", ProblemKind.Invalid, "TaskId");
        }
        problem.LinkTask(taskId, clock.GetUtcNow());
        audit.Add(AuditActions.LabCallLinked, $"lab-problem:{problemId}", $"task {taskId}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<int> ScheduleAsync(int problemId, string place, DateTimeOffset startsAt, int capacity, CancellationToken cancellationToken)
    {
        var problem = await LoadAsync(problemId, cancellationToken);
        if (problem.Status != ProblemStatus.SolutionCall)
        {
            throw new DomainException("lab.no-solution", "Lab.NoSolutionYet", ProblemKind.Conflict);
        }
        var session = DemoSession.Schedule(problemId, place, startsAt, capacity, clock.GetUtcNow());
        db.DemoSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(AuditActions.LabSessionScheduled, $"lab-problem:{problemId}", $"session {session.Id} {Kst.DateTime(startsAt)} {capacity}");
        var supporters = await db.ProblemSupports.Where(s => s.ProblemId == problemId).Select(s => s.UserId).ToListAsync(cancellationToken);
        await notify.AddAsync([problem.AuthorId, .. supporters], $"lab.session:{session.Id}", "Notification.LabSession", $"/lab/problems/{problemId}",
            [problem.Title, Kst.DateTime(startsAt)], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    private async Task<LabProblem> LoadAsync(int problemId, CancellationToken cancellationToken) =>
        await db.LabProblems.SingleOrDefaultAsync(p => p.Id == problemId && p.RemovedAt == null, cancellationToken) ?? throw new NotFoundException("problem");
}
