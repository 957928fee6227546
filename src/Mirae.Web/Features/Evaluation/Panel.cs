using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Evaluation;

/// <summary>Which aggregate of the evaluators' scores counts for an application (the call chooses).</summary>
public enum Aggregation
{
    Mean,
    /// <summary>The mean without the highest and lowest score when at least five evaluators scored (절사평균).</summary>
    TrimmedMean,
    /// <summary>Each evaluator's scores rescaled to the panel's mean and spread first (z-score), then the mean.</summary>
    Normalized,
}

/// <summary>
/// The evaluation of one call (평가위원회): how many evaluators score each application, which aggregate counts, and
/// whether scoring is still open. Closing the panel unseals the scores for staff and allows the selection.
/// </summary>
public sealed class Panel
{
    public int Id { get; private set; }
    public int CallId { get; private set; }
    public int EvaluatorsPerApplication { get; private set; }
    public Aggregation Aggregation { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    private Panel()
    {
    }

    public static Panel Open(int callId, int evaluatorsPerApplication, Aggregation aggregation, DateTimeOffset now)
    {
        var panel = new Panel { CallId = callId, CreatedAt = now };
        panel.Configure(evaluatorsPerApplication, aggregation);
        return panel;
    }

    public bool IsClosed => ClosedAt is not null;

    public void Configure(int evaluatorsPerApplication, Aggregation aggregation)
    {
        EnsureOpen();
        if (evaluatorsPerApplication is < 1 or > 15)
        {
            throw new DomainException("panel.size-invalid", "Panel.SizeInvalid", ProblemKind.Invalid);
        }
        (EvaluatorsPerApplication, Aggregation) = (evaluatorsPerApplication, aggregation);
    }

    public void Close(DateTimeOffset now)
    {
        EnsureOpen();
        ClosedAt = now;
    }

    public void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new DomainException("panel.closed", "Panel.Closed");
        }
    }
}

/// <summary>Points and a comment for one criterion of the rubric.</summary>
public sealed record CriterionScore(int Points, string Comment);

/// <summary>
/// One evaluator on one application. Before seeing the application the evaluator declares a conflict of interest or
/// none; a conflicted assignment is never scored. Scores are saved as a draft and then submitted (sealed).
/// </summary>
public sealed class Assignment
{
    public const int MaxComment = 2000;

    public int Id { get; private set; }
    public int PanelId { get; private set; }
    public int ApplicationId { get; private set; }
    public int EvaluatorId { get; private set; }
    public Evaluator Evaluator { get; private set; } = null!;
    public DateTimeOffset AssignedAt { get; private set; }
    /// <summary>Why staff assigned this evaluator by hand; null when the assignment algorithm did.</summary>
    public string? ManualReason { get; private set; }
    public DateTimeOffset? DeclaredAt { get; private set; }
    public bool Conflicted { get; private set; }
    public string? ConflictNote { get; private set; }
    public IReadOnlyList<CriterionScore> Points { get; private set; } = [];
    public string Opinion { get; private set; } = "";
    /// <summary>The weighted total out of 100, in hundredths (8525 is 85.25 points).</summary>
    public int? Score { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? RemindedAt { get; private set; }

    private Assignment()
    {
    }

    public static Assignment Create(int panelId, int applicationId, Evaluator evaluator, string? manualReason, DateTimeOffset now) =>
        new() { PanelId = panelId, ApplicationId = applicationId, Evaluator = evaluator, EvaluatorId = evaluator.Id, ManualReason = manualReason, AssignedAt = now };

    public bool IsSubmitted => SubmittedAt is not null;

    /// <summary>Before seeing the application: a conflict (with what it is) or none.</summary>
    public void Declare(bool conflicted, string? note, DateTimeOffset now)
    {
        if (DeclaredAt is not null)
        {
            throw new DomainException("assignment.already-declared", "Assignment.AlreadyDeclared");
        }
        if (conflicted && (string.IsNullOrWhiteSpace(note) || note.Trim().Length > 500))
        {
            throw new DomainException("assignment.conflict-note-required", "Assignment.ConflictNoteRequired", ProblemKind.Invalid);
        }
        (DeclaredAt, Conflicted, ConflictNote) = (now, conflicted, conflicted ? note!.Trim() : null);
    }

    /// <summary>Keeps the points (checked against each criterion's maximum) and comments; submitting seals them.</summary>
    public void Save(IReadOnlyList<Calls.Criterion> rubric, IReadOnlyList<CriterionScore> points, string opinion, bool submit, DateTimeOffset now)
    {
        if (DeclaredAt is null || Conflicted)
        {
            throw new DomainException("assignment.conflicted", Conflicted ? "Assignment.Conflicted" : "Assignment.DeclareFirst");
        }
        if (IsSubmitted)
        {
            throw new DomainException("assignment.submitted", "Assignment.AlreadySubmitted");
        }
        if (points.Count != rubric.Count || points.Zip(rubric).Any(p => p.First.Points < 0 || p.First.Points > p.Second.MaxPoints)
            || points.Any(p => p.Comment.Length > MaxComment) || opinion.Length > MaxComment)
        {
            throw new DomainException("assignment.points-invalid", "Assignment.PointsInvalid", ProblemKind.Invalid);
        }
        (Points, Opinion) = (points.Select(p => p with { Comment = p.Comment.Trim() }).ToList(), opinion.Trim());
        if (submit)
        {
            (Score, SubmittedAt) = (Total(rubric, points), now);
        }
    }

    /// <summary>Σ weight × points ÷ maximum, out of 100, in hundredths.</summary>
    public static int Total(IReadOnlyList<Calls.Criterion> rubric, IReadOnlyList<CriterionScore> points) =>
        (int)decimal.Round(points.Zip(rubric).Sum(p => p.Second.Weight * p.First.Points / p.Second.MaxPoints) * 100m, MidpointRounding.AwayFromZero);

    public void Remind(DateTimeOffset now) => RemindedAt = now;
}

/// <summary>
/// The committee's confirmed selection for a call (선정 확정): the solver's inputs exactly as run (so anyone can re-run
/// them through <c>POST /api/v1/selection/solve</c>), the selected applications, and the recorded decision.
/// </summary>
public sealed class SelectionDecision
{
    public int Id { get; private set; }
    public int CallId { get; private set; }
    public SelectionProblem Problem { get; private set; } = null!;
    public IReadOnlyList<string> Selected { get; private set; } = [];
    public string Note { get; private set; } = "";
    public Guid ConfirmedById { get; private set; }
    public DateTimeOffset ConfirmedAt { get; private set; }

    private SelectionDecision()
    {
    }

    public static SelectionDecision Confirm(int callId, SelectionProblem problem, SelectionResult result, string note, Guid staffId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(note) || note.Trim().Length > 2000)
        {
            throw new DomainException("selection.note-required", "Selection.NoteRequired", ProblemKind.Invalid);
        }
        return new SelectionDecision
        {
            CallId = callId, Problem = problem, Selected = result.Selected.ToList(), Note = note.Trim(),
            ConfirmedById = staffId, ConfirmedAt = now,
        };
    }
}
