using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Programs;

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
                application.StartEvaluation(staffId, now);
                break;
        }
        await RecordAsync(application, cancellationToken);
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
            throw new DomainException("application.batch-decision", "Review.BatchDecisionInvalid", StatusCodes.Status400BadRequest);
        }
        var now = clock.GetUtcNow();
        var skipped = new List<Skipped>();
        var applications = await db.Applications.Where(a => applicationIds.Contains(a.Id)).ToListAsync(cancellationToken);
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
                    application.StartEvaluation(staffId, now);
                }
                await RecordAsync(application, cancellationToken);
            }
            catch (DomainException e)
            {
                skipped.Add(new Skipped(application.Id, e.MessageKey));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return skipped;
    }

    private async Task RecordAsync(Application application, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == application.CallId).Select(c => c.TitleKo).SingleAsync(cancellationToken);
        audit.Add(AuditActions.ApplicationReviewed, $"application:{application.Id}", $"{application.Status}: {application.StaffMessage}");
        await notify.AddAsync(await ApplyToCall.ApplicantsAsync(db, application.OrganizationId, cancellationToken), $"application:{application.Id}:{application.Status}:{clock.GetUtcNow().ToUnixTimeSeconds()}",
            "Notification.Application" + application.Status, $"/applications/{application.Id}",
            [call, application.StaffMessage ?? "", application.ReturnedUntil is { } until ? Kst.DateTime(until) : ""], cancellationToken);
    }
}
