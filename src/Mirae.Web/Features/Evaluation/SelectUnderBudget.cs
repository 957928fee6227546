using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Features.Applications;
using Mirae.Web.Features.Calls;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Evaluation;

/// <summary>
/// From the panel's scores to the confirmed selection: the standings, the exact selection under the committee's inputs
/// (with greedy beside it), confirmation with a recorded decision that decides and notifies every applicant, and the
/// public results with the inputs anyone can re-run.
/// </summary>
public sealed class SelectUnderBudget(AppDbContext db, AuditLog audit, Notify notify, LedgerRecords ledger, TimeProvider clock)
{
    /// <summary>What the committee chooses: a uniform cut (percent) and per-application amounts override the requested amounts.</summary>
    public sealed record Inputs(long Budget, decimal MinScore, int? MaxAwards, int CutPercent, IReadOnlyDictionary<int, long> Amounts, IReadOnlyList<CategoryLimit> Limits);

    public sealed record EvaluatorScore(int AssignmentId, int EvaluatorId, string Evaluator, bool Conflicted, bool Submitted, int? Score, DateTimeOffset? RemindedAt);

    public sealed record Standing(int ApplicationId, string ReceiptNumber, string ApplicantName, string? Category, long RequestedAmount,
        IReadOnlyList<EvaluatorScore> Scores, decimal? Aggregate, ApplicationStatus Status);

    /// <summary>The call's evaluation board; <paramref name="CallEnded"/>: the deadline has passed, so evaluation may close and selection run.</summary>
    public sealed record Board(int CallId, string TitleKo, string TitleEn, long Budget, int ExpectedAwards, Panel? Panel, IReadOnlyList<Standing> Standings,
        SelectionDecision? Decision, bool CallEnded, DateTimeOffset ClosesAt)
    {
        /// <summary>Sheets neither submitted nor declared conflicted.</summary>
        public int Unsubmitted => Standings.Sum(s => s.Scores.Count(e => !e.Submitted && !e.Conflicted));
    }

    /// <summary>Every application under evaluation or decided, with each evaluator's score (staff only; sealed from evaluators).</summary>
    public async Task<Board?> BoardAsync(int callId, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == callId).Select(c => new { c.Id, c.TitleKo, c.TitleEn, c.TotalBudget, c.ExpectedAwards, c.Status, c.OpensAt, c.ClosesAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (call is null)
        {
            return null;
        }
        var panel = await db.Panels.AsNoTracking().SingleOrDefaultAsync(p => p.CallId == callId, cancellationToken);
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.CallId == callId && (a.Status == ApplicationStatus.UnderEvaluation || a.Status == ApplicationStatus.Selected || a.Status == ApplicationStatus.NotSelected))
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { a.Id, a.ReceiptNumber, o.NameKo, a.Answers, a.RequestedAmount, a.Status })
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var assignments = panel is null ? [] : await db.Assignments.AsNoTracking().Where(a => a.PanelId == panel.Id)
            .Select(a => new { a.Id, a.ApplicationId, a.EvaluatorId, a.Evaluator.Name, a.Conflicted, a.SubmittedAt, a.Score, a.RemindedAt })
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var aggregates = panel is null ? new Dictionary<int, decimal>() : Aggregate.Compute(panel.Aggregation,
            assignments.Where(a => a.Score is not null && !a.Conflicted).Select(a => new SubmittedScore(a.ApplicationId, a.EvaluatorId, a.Score!.Value)).ToList());
        var decision = await db.SelectionDecisions.AsNoTracking().Where(d => d.CallId == callId).OrderByDescending(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        var standings = applications.Select(a => new Standing(a.Id, a.ReceiptNumber ?? a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.NameKo,
                a.Answers.GetValueOrDefault(AssignEvaluators.CategoryKey), (long)(a.RequestedAmount ?? 0),
                assignments.Where(x => x.ApplicationId == a.Id).Select(x => new EvaluatorScore(x.Id, x.EvaluatorId, x.Name, x.Conflicted, x.SubmittedAt is not null, x.Score, x.RemindedAt)).ToList(),
                aggregates.TryGetValue(a.Id, out var score) ? score : null, a.Status))
            .OrderByDescending(s => s.Aggregate ?? -1).ThenBy(s => s.ApplicationId).ToList();
        var ended = CallWindow.PhaseOf(call.Status, call.OpensAt, call.ClosesAt, clock.GetUtcNow()) == CallPhase.Ended;
        return new Board(call.Id, call.TitleKo, call.TitleEn, (long)call.TotalBudget, call.ExpectedAwards, panel, standings, decision, ended, call.ClosesAt);
    }

    /// <summary>The problem the committee's inputs make of a closed panel's standings (scored applications only; ids are receipt numbers).</summary>
    public static SelectionProblem Problem(Board board, Inputs inputs)
    {
        if (!board.CallEnded)
        {
            // A deadline extended after the panel closed reopens the call: the selection waits for it again.
            throw new DomainException("call.not-ended", "Panel.CallNotEnded");
        }
        if (board.Panel is not { IsClosed: true })
        {
            throw new DomainException("selection.panel-open", "Selection.PanelOpen");
        }
        if (inputs.CutPercent is < 0 or > 90 || inputs.Budget <= 0 || inputs.MinScore < 0 || inputs.MaxAwards is < 1)
        {
            throw new DomainException("selection.inputs-invalid", "Selection.InputsInvalid", ProblemKind.Invalid);
        }
        var items = board.Standings.Where(s => s.Aggregate is not null && s.Status == ApplicationStatus.UnderEvaluation).Select(s =>
        {
            var amount = inputs.Amounts.TryGetValue(s.ApplicationId, out var set) ? set : s.RequestedAmount * (100 - inputs.CutPercent) / 100;
            return new SelectionItem(s.ReceiptNumber, s.Aggregate!.Value, Math.Max(1, amount), s.Category);
        }).ToList();
        if (items.Count == 0)
        {
            throw new DomainException("selection.nothing-scored", "Selection.NothingScored");
        }
        return new SelectionProblem(inputs.Budget, inputs.MinScore, inputs.MaxAwards, inputs.Limits, items);
    }

    /// <summary>Records the committee's decision on the optimum of these inputs and decides and notifies every applicant under evaluation.</summary>
    public async Task<SelectionDecision> ConfirmAsync(int callId, Inputs inputs, string note, Guid staffId, CancellationToken cancellationToken)
    {
        var board = await BoardAsync(callId, cancellationToken) ?? throw new NotFoundException("call");
        var problem = Problem(board, inputs);
        var outcome = SelectionSolver.Solve(problem);
        var result = outcome.Result ?? throw new DomainException("selection.infeasible", "Selection.Infeasible", ProblemKind.Unsatisfiable);
        var now = clock.GetUtcNow();
        var decision = SelectionDecision.Confirm(callId, problem, result, note, staffId, now);
        db.SelectionDecisions.Add(decision);
        var selected = result.Selected.ToHashSet(StringComparer.Ordinal);
        var applications = await db.Applications.Where(a => a.CallId == callId && a.Status == ApplicationStatus.UnderEvaluation).ToListAsync(cancellationToken);
        foreach (var application in applications)
        {
            application.ConcludeEvaluation(selected.Contains(application.ReceiptNumber ?? ""), staffId, now);
        }
        var members = await db.Memberships.ApprovedMembersOfAsync(applications.Select(a => a.OrganizationId).Distinct().ToList(), cancellationToken);
        await notify.AddAsync(applications.Select(a => new Notify.Message(members[a.OrganizationId].ToList(), $"application:{a.Id}:{a.Status}",
            "Notification.Application" + a.Status, $"/calls/{callId}/results", [Notify.Both(board.TitleKo, board.TitleEn), "", ""])).ToList(), cancellationToken);
        audit.Add(AuditActions.SelectionConfirmed, $"call:{callId}", $"{result.Selected.Count} selected, {result.TotalScore} points, {result.TotalAmount} won: {note.Trim()}");
        // The log's entry names the decision by its id, so it is added once the decision has one, in the same transaction.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        ledger.Add(LedgerKinds.Award, AwardLedger.Subject(callId), AwardLedger.Data(decision, await AwardLedger.BusinessNumbersAsync(db, callId, cancellationToken)));
        // Each selected application becomes a funded task, in the same transaction as the decision.
        await Tasks.StartTasks.AddAsync(db, callId, problem.Items.ToDictionary(i => i.Id, i => i.Amount, StringComparer.Ordinal), now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return decision;
    }

    public sealed record ResultRow(string ReceiptNumber, string ApplicantName, decimal Score, long Amount, bool Selected);

    public sealed record Results(int CallId, string TitleKo, string TitleEn, DateTimeOffset ConfirmedAt, SelectionProblem Problem, IReadOnlyList<ResultRow> Rows);

    /// <summary>The latest confirmed selection of a published call, as the public sees it.</summary>
    public async Task<Results?> ResultsAsync(int callId, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == callId && c.Status != CallStatus.Draft).Select(c => new { c.Id, c.TitleKo, c.TitleEn })
            .SingleOrDefaultAsync(cancellationToken);
        var decision = call is null ? null
            : await db.SelectionDecisions.AsNoTracking().Where(d => d.CallId == callId).OrderByDescending(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        if (call is null || decision is null)
        {
            return null;
        }
        var receipts = decision.Problem.Items.Select(i => i.Id).ToList();
        var names = await db.Applications.AsNoTracking().Where(a => a.CallId == callId && receipts.Contains(a.ReceiptNumber!))
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { a.ReceiptNumber, o.NameKo })
            .ToDictionaryAsync(a => a.ReceiptNumber!, a => a.NameKo, cancellationToken);
        var selected = decision.Selected.ToHashSet(StringComparer.Ordinal);
        var rows = decision.Problem.Items.Select(i => new ResultRow(i.Id, names.GetValueOrDefault(i.Id, ""), i.Score, i.Amount, selected.Contains(i.Id)))
            .OrderByDescending(r => r.Selected).ThenByDescending(r => r.Score).ThenBy(r => r.ReceiptNumber, StringComparer.Ordinal).ToList();
        return new Results(call.Id, call.TitleKo, call.TitleEn, decision.ConfirmedAt, decision.Problem, rows);
    }
}
