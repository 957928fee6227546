using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Calls;

namespace Mirae.Web.Features.Applications;

/// <summary>
/// Program staff screen submitted applications (with the automatic eligibility check; overriding it needs a reason),
/// return them for changes with a message and a resubmission date, and send screened-in ones to evaluation, one at a
/// time or in batch. The applicant's members are notified of every change, and every change is audited.
/// </summary>
public sealed class ReviewApplications(AppDbContext db, AuditLog audit, Notify notify, TimeProvider clock)
{
    public enum Decision
    {
        ScreenIn,
        ScreenOut,
        Return,
        StartEvaluation,
    }

    public sealed record Skipped(int ApplicationId, string MessageKey);

    public async Task DecideAsync(int applicationId, Decision decision, string? message, DateTimeOffset? returnUntil, Guid staffId,
        CancellationToken cancellationToken = default)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken) ?? throw new NotFoundException("application");
        var now = clock.GetUtcNow();
        switch (decision)
        {
            case Decision.ScreenIn:
                var screening = await Screening.EvaluateAsync(db, applicationId, now, cancellationToken);
                // Screening in against the automatic check is an override: it needs a written reason.
                application.Screen(eligible: true, message, reasonRequired: !screening.Eligible, staffId, now);
                break;
            case Decision.ScreenOut:
                application.Screen(eligible: false, message, reasonRequired: true, staffId, now);
                break;
            case Decision.Return:
                application.Return(message ?? "", returnUntil ?? now.AddDays(7), staffId, now);
                break;
            default:
                application.StartEvaluation(await db.Calls.SingleAsync(c => c.Id == application.CallId, cancellationToken), staffId, now);
                break;
        }
        await RecordAsync([application], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Screens in (only applications that pass every rule and have no duplicate flag) or starts evaluation for many at
    /// once; the others are left as they were and reported.
    /// </summary>
    public async Task<IReadOnlyList<Skipped>> BatchAsync(IReadOnlyList<int> applicationIds, Decision decision, Guid staffId,
        CancellationToken cancellationToken = default)
    {
        if (decision is not (Decision.ScreenIn or Decision.StartEvaluation))
        {
            throw new DomainException("application.batch-decision", "Review.BatchDecisionInvalid", ProblemKind.Invalid);
        }
        var now = clock.GetUtcNow();
        var skipped = new List<Skipped>();
        var changed = new List<Application>();
        var applications = await db.Applications.Where(a => applicationIds.Contains(a.Id)).ToListAsync(cancellationToken);
        var callIds = applications.Select(a => a.CallId).Distinct().ToList();
        var calls = await db.Calls.Where(c => callIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var application in applications)
        {
            if (decision == Decision.ScreenIn)
            {
                var screening = await Screening.EvaluateAsync(db, application.Id, now, cancellationToken);
                if (!screening.Eligible || screening.Duplicates.Count > 0)
                {
                    skipped.Add(new Skipped(application.Id, "Review.NeedsReview"));
                    continue;
                }
            }
            try
            {
                if (decision == Decision.ScreenIn)
                {
                    application.Screen(eligible: true, null, reasonRequired: false, staffId, now);
                }
                else
                {
                    application.StartEvaluation(calls[application.CallId], staffId, now);
                }
                changed.Add(application);
            }
            catch (DomainException e)
            {
                skipped.Add(new Skipped(application.Id, e.MessageKey));
            }
        }
        await RecordAsync(changed, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return skipped;
    }

    /// <summary>Audits each change and tells each applicant's members, with one query for the calls and one for the members.</summary>
    private async Task RecordAsync(IReadOnlyList<Application> changed, CancellationToken cancellationToken)
    {
        var callIds = changed.Select(a => a.CallId).Distinct().ToList();
        var titles = await db.Calls.AsNoTracking().Where(c => callIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => Notify.Both(c.TitleKo, c.TitleEn), cancellationToken);
        var members = await db.Memberships.ApprovedMembersOfAsync(changed.Select(a => a.OrganizationId).Distinct().ToList(), cancellationToken);
        var at = clock.GetUtcNow().ToUnixTimeSeconds();
        foreach (var application in changed)
        {
            audit.Add(AuditActions.ApplicationReviewed, $"application:{application.Id}", $"{application.Status}: {application.StaffMessage}");
        }
        await notify.AddAsync(changed.Select(a => new Notify.Message(members[a.OrganizationId].ToList(), $"application:{a.Id}:{a.Status}:{at}",
                "Notification.Application" + a.Status, $"/applications/{a.Id}",
                [titles[a.CallId], a.StaffMessage ?? "", a.ReturnedUntil is { } until ? Kst.DateTime(until) : ""]))
            .ToList(), cancellationToken);
    }
}
