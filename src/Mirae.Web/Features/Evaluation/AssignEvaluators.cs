using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using System.Text.Json.Nodes;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Features.Applications;
using Mirae.Web.Features.Calls;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Evaluation;

/// <summary>
/// Runs a call's panel: its settings, the assignment of evaluators to the applications under evaluation (automatic and
/// by hand with a reason), progress and reminders, and closing. Conflicted evaluators are never assigned.
/// </summary>
public sealed class AssignEvaluators(AppDbContext db, AuditLog audit, Notify notify, LedgerRecords ledger, TimeProvider clock)
{
    /// <summary>The form question whose answer is an application's category (분야), for expertise and category limits.</summary>
    public const string CategoryKey = "category";

    public sealed record Candidate(int Id, IReadOnlyList<string> Fields);

    /// <summary>
    /// The deterministic plan: applications in id order, each filled up to <paramref name="perApplication"/> with
    /// evaluators that have no conflict with it, preferring expertise in its category, then the lightest load so far,
    /// then the lowest id. Returns the new pairs and the applications left short.
    /// </summary>
    public static (IReadOnlyList<(int ApplicationId, int EvaluatorId)> Pairs, IReadOnlyList<int> Short) Plan(
        IReadOnlyList<(int ApplicationId, string? Category)> applications, IReadOnlyList<Candidate> evaluators,
        IReadOnlySet<(int ApplicationId, int EvaluatorId)> excluded, IReadOnlyList<(int ApplicationId, int EvaluatorId)> existing, int perApplication)
    {
        var load = evaluators.ToDictionary(e => e.Id, e => existing.Count(x => x.EvaluatorId == e.Id));
        var pairs = new List<(int, int)>();
        var shortOf = new List<int>();
        foreach (var (applicationId, category) in applications.OrderBy(a => a.ApplicationId))
        {
            var have = existing.Where(x => x.ApplicationId == applicationId).Select(x => x.EvaluatorId).ToHashSet();
            var need = perApplication - have.Count;
            var chosen = evaluators
                .Where(e => !have.Contains(e.Id) && !excluded.Contains((applicationId, e.Id)))
                .OrderByDescending(e => category is not null && e.Fields.Contains(category, StringComparer.OrdinalIgnoreCase))
                .ThenBy(e => load[e.Id]).ThenBy(e => e.Id)
                .Take(Math.Max(0, need)).ToList();
            foreach (var evaluator in chosen)
            {
                pairs.Add((applicationId, evaluator.Id));
                load[evaluator.Id]++;
            }
            if (chosen.Count < need)
            {
                shortOf.Add(applicationId);
            }
        }
        return (pairs, shortOf);
    }

    public async Task<Panel> SavePanelAsync(int callId, int evaluatorsPerApplication, Aggregation aggregation, CancellationToken cancellationToken)
    {
        _ = await db.Calls.AnyAsync(c => c.Id == callId, cancellationToken) ? 0 : throw new NotFoundException("call");
        var panel = await db.Panels.SingleOrDefaultAsync(p => p.CallId == callId, cancellationToken);
        if (panel is null)
        {
            panel = Panel.Open(callId, evaluatorsPerApplication, aggregation, clock.GetUtcNow());
            db.Panels.Add(panel);
        }
        else
        {
            panel.Configure(evaluatorsPerApplication, aggregation);
        }
        audit.Add(AuditActions.PanelChanged, $"call:{callId}", $"{evaluatorsPerApplication} per application, {aggregation}");
        await db.SaveChangesAsync(cancellationToken);
        return panel;
    }

    /// <summary>Fills every application under evaluation up to the panel's size; returns how many were assigned and which are short.</summary>
    public async Task<(int Assigned, IReadOnlyList<int> Short)> AutoAsync(int callId, CancellationToken cancellationToken)
    {
        var panel = await RequirePanelAsync(callId, cancellationToken);
        panel.EnsureOpen();
        var applicants = await ApplicantsAsync(callId, cancellationToken);
        var evaluators = await db.Evaluators.Where(e => e.Active).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var existing = await db.Assignments.Where(a => a.PanelId == panel.Id).Select(a => new { a.ApplicationId, a.EvaluatorId, a.Conflicted }).ToListAsync(cancellationToken);
        var year = clock.GetUtcNow().ToKst().Year;
        var excluded = applicants.SelectMany(a => evaluators.Where(e => Conflicts.Detect(e, a, year).Count > 0).Select(e => (a.ApplicationId, e.Id)))
            .Concat(existing.Where(x => x.Conflicted).Select(x => (x.ApplicationId, x.EvaluatorId)))
            .ToHashSet();
        // A declared conflict keeps its row (the record of the declaration) but does not count towards the panel's size.
        var (pairs, shortOf) = Plan(applicants.Select(a => (a.ApplicationId, a.Category)).ToList(), evaluators.Select(e => new Candidate(e.Id, e.Fields)).ToList(),
            excluded, existing.Where(x => !x.Conflicted).Select(x => (x.ApplicationId, x.EvaluatorId)).ToList(), panel.EvaluatorsPerApplication);
        var byId = evaluators.ToDictionary(e => e.Id);
        var now = clock.GetUtcNow();
        foreach (var (applicationId, evaluatorId) in pairs)
        {
            db.Assignments.Add(Assignment.Create(panel.Id, applicationId, byId[evaluatorId], null, now));
        }
        audit.Add(AuditActions.AssignmentChanged, $"call:{callId}", $"automatic: {pairs.Count} assigned, {shortOf.Count} short");
        await NotifyEvaluatorsAsync(pairs.Select(p => byId[p.EvaluatorId]).Distinct().ToList(), callId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (pairs.Count, shortOf);
    }

    /// <summary>Staff assign one evaluator by hand, with a reason; a detected conflict still refuses it.</summary>
    public async Task AddAsync(int callId, int applicationId, int evaluatorId, string reason, CancellationToken cancellationToken)
    {
        RequireReason(reason);
        var panel = await RequirePanelAsync(callId, cancellationToken);
        panel.EnsureOpen();
        var applicant = (await ApplicantsAsync(callId, cancellationToken)).SingleOrDefault(a => a.ApplicationId == applicationId)
            ?? throw new NotFoundException("application");
        var evaluator = await db.Evaluators.SingleOrDefaultAsync(e => e.Id == evaluatorId && e.Active, cancellationToken) ?? throw new NotFoundException("evaluator");
        if (Conflicts.Detect(evaluator, applicant, clock.GetUtcNow().ToKst().Year).Count > 0)
        {
            throw new DomainException("assignment.conflict", "Assignment.ConflictDetected");
        }
        if (await db.Assignments.AnyAsync(a => a.PanelId == panel.Id && a.ApplicationId == applicationId && a.EvaluatorId == evaluatorId, cancellationToken))
        {
            throw new DomainException("assignment.duplicate", "Assignment.Duplicate");
        }
        db.Assignments.Add(Assignment.Create(panel.Id, applicationId, evaluator, reason.Trim(), clock.GetUtcNow()));
        audit.Add(AuditActions.AssignmentChanged, $"application:{applicationId}", $"added evaluator:{evaluatorId}: {reason.Trim()}");
        await NotifyEvaluatorsAsync([evaluator], callId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Staff take an evaluator off an application (not once scores are submitted), with a reason.</summary>
    public async Task RemoveAsync(int callId, int assignmentId, string reason, CancellationToken cancellationToken)
    {
        RequireReason(reason);
        var panel = await RequirePanelAsync(callId, cancellationToken);
        panel.EnsureOpen();
        var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.PanelId == panel.Id, cancellationToken)
            ?? throw new NotFoundException("assignment");
        if (assignment.IsSubmitted)
        {
            throw new DomainException("assignment.submitted", "Assignment.AlreadySubmitted");
        }
        db.Assignments.Remove(assignment);
        audit.Add(AuditActions.AssignmentChanged, $"application:{assignment.ApplicationId}", $"removed evaluator:{assignment.EvaluatorId}: {reason.Trim()}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Who was reminded (a notification and its e-mail), and how many late evaluators have no account yet to remind.</summary>
    public sealed record Reminded(int Notified, int NotJoined);

    /// <summary>Reminds every evaluator with an unsubmitted, unconflicted assignment; says how many were reminded and how many could not be.</summary>
    public async Task<Reminded> RemindAsync(int callId, CancellationToken cancellationToken)
    {
        var panel = await RequirePanelAsync(callId, cancellationToken);
        panel.EnsureOpen();
        var late = await db.Assignments.Include(a => a.Evaluator)
            .Where(a => a.PanelId == panel.Id && a.SubmittedAt == null && !a.Conflicted).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        late.ForEach(a => a.Remind(now));
        var title = await db.Calls.Where(c => c.Id == callId).Select(c => Notify.Both(c.TitleKo, c.TitleEn)).SingleAsync(cancellationToken);
        var recipients = late.Select(a => a.Evaluator.UserId).OfType<Guid>().Distinct().ToList();
        await notify.AddAsync(recipients, $"panel:{panel.Id}:remind:{now.ToUnixTimeSeconds()}", "Notification.EvaluationReminder", "/evaluations", [title], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // Invited but not joined: no account to notify; "0명" alone read as if nobody were late (issue 17.2).
        return new Reminded(recipients.Count, late.Where(a => a.Evaluator.UserId is null).Select(a => a.EvaluatorId).Distinct().Count());
    }

    /// <summary>
    /// Ends scoring, once the call's deadline has passed: unsubmitted assignments stay unscored, so closing with any
    /// needs a reason (kept in the audit log with their number); the scores are unsealed for staff and the selection can run.
    /// </summary>
    public async Task CloseAsync(int callId, string? reason, CancellationToken cancellationToken)
    {
        var panel = await RequirePanelAsync(callId, cancellationToken);
        panel.EnsureOpen();
        var now = clock.GetUtcNow();
        await EnsureCallEndedAsync(db, callId, now, cancellationToken);
        var unsubmitted = await UnsubmittedAsync(panel.Id, cancellationToken);
        reason = reason?.Trim() ?? "";
        if (unsubmitted > 0 && reason.Length == 0)
        {
            throw new DomainException("panel.close-reason-required", "Panel.CloseReasonRequired", ProblemKind.Invalid, "reason", [unsubmitted]);
        }
        if (reason.Length > 500)
        {
            throw new DomainException("panel.close-reason-too-long", "Panel.CloseReasonTooLong", ProblemKind.Invalid, "reason");
        }
        panel.Close(now);
        audit.Add(AuditActions.PanelClosed, $"call:{callId}", unsubmitted > 0 ? $"{unsubmitted} unsubmitted: {reason}" : reason);
        // The closed panel goes into the public log as aggregates only: per application its aggregate score and how many
        // sheets made it; never an individual evaluator's score or name.
        var scores = await db.Assignments.Where(a => a.PanelId == panel.Id && a.Score != null)
            .Select(a => new SubmittedScore(a.ApplicationId, a.EvaluatorId, a.Score!.Value)).ToListAsync(cancellationToken);
        var aggregates = Aggregate.Compute(panel.Aggregation, scores);
        var receipts = await db.Applications.Where(a => a.CallId == callId && a.ReceiptNumber != null && a.Status == ApplicationStatus.UnderEvaluation)
            .Select(a => new { a.Id, a.ReceiptNumber }).ToListAsync(cancellationToken);
        ledger.Add(LedgerKinds.EvaluationClosed, $"call:{callId}:evaluation", new JsonObject
        {
            ["callId"] = callId,
            ["aggregation"] = panel.Aggregation.ToString(),
            ["closedAt"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["unsubmittedSheets"] = unsubmitted,
            ["applications"] = new JsonArray([.. receipts.OrderBy(r => r.ReceiptNumber, StringComparer.Ordinal).Select(r => (JsonNode)new JsonObject
            {
                ["receiptNumber"] = r.ReceiptNumber,
                ["sheets"] = scores.Count(s => s.ApplicationId == r.Id),
                ["score"] = aggregates.TryGetValue(r.Id, out var score) ? LedgerRecords.Number(score) : null,
            })]),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Assignments neither submitted nor declared conflicted: the sheets still missing.</summary>
    public Task<int> UnsubmittedAsync(int panelId, CancellationToken cancellationToken) =>
        db.Assignments.CountAsync(a => a.PanelId == panelId && a.SubmittedAt == null && !a.Conflicted, cancellationToken);

    /// <summary>Evaluation and selection wait for the deadline: until then the call takes applications (issue 17.1).</summary>
    public static async Task EnsureCallEndedAsync(AppDbContext db, int callId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == callId).Select(c => new { c.Status, c.OpensAt, c.ClosesAt })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("call");
        if (CallWindow.PhaseOf(call.Status, call.OpensAt, call.ClosesAt, now) != CallPhase.Ended)
        {
            throw new DomainException("call.not-ended", "Panel.CallNotEnded");
        }
    }

    /// <summary>The applications under evaluation, with what conflict detection needs.</summary>
    public async Task<IReadOnlyList<Applicant>> ApplicantsAsync(int callId, CancellationToken cancellationToken)
    {
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.CallId == callId && a.Status == ApplicationStatus.UnderEvaluation)
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { a.Id, a.OrganizationId, a.Answers, o.BusinessNumber, o.NameKo })
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var members = await db.Memberships.ApprovedMembersOfAsync(rows.Select(r => r.OrganizationId).Distinct().ToList(), cancellationToken);
        return rows.Select(r => new Applicant(r.Id, r.BusinessNumber, r.NameKo, members[r.OrganizationId].ToList(), r.Answers.GetValueOrDefault(CategoryKey))).ToList();
    }

    private async Task<Panel> RequirePanelAsync(int callId, CancellationToken cancellationToken) =>
        await db.Panels.SingleOrDefaultAsync(p => p.CallId == callId, cancellationToken) ?? throw new DomainException("panel.missing", "Panel.Missing");

    private async Task NotifyEvaluatorsAsync(IReadOnlyList<Evaluator> evaluators, int callId, CancellationToken cancellationToken)
    {
        var title = await db.Calls.Where(c => c.Id == callId).Select(c => Notify.Both(c.TitleKo, c.TitleEn)).SingleAsync(cancellationToken);
        var at = clock.GetUtcNow().ToUnixTimeSeconds();
        await notify.AddAsync(evaluators.Select(e => e.UserId).OfType<Guid>().ToList(), $"call:{callId}:assigned:{at}", "Notification.EvaluationAssigned",
            "/evaluations", [title], cancellationToken);
    }

    private static void RequireReason(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
        {
            throw new DomainException("assignment.reason-required", "Assignment.ReasonRequired", ProblemKind.Invalid);
        }
    }
}
