using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Tasks;

/// <summary>How a change to an agreement is handled (IRIS): notified and in force at once, or waiting for staff approval.</summary>
public enum ChangeKind
{
    /// <summary>경미한 변경(통보): every category moves by at most 20 % of its planned amount, nothing else changes.</summary>
    Notification,
    /// <summary>중요한 변경(승인): the period, the goal, a larger move, or a new category.</summary>
    Approval,
}

/// <summary>A researcher change inside a change request: who joins (with role, months and rate) or leaves.</summary>
public sealed record ResearcherChange(bool Adding, int? ResearcherId, string ResearcherNumber, string Name, ResearcherRole Role, DateOnly FromMonth, DateOnly ToMonth,
    int RatePercent);

public enum ChangeRequestStatus
{
    /// <summary>A notification-type change, in force since it was filed.</summary>
    Applied,
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// A request to change a running task's agreement (협약 변경): the terms before (the version in force when it was filed)
/// and after, its kind, and the decision. It applies only to the version it was based on: of two requests in flight,
/// the second to be decided finds the agreement changed and is refused.
/// </summary>
public sealed class ChangeRequest
{
    /// <summary>The largest move of a category that is only notified: 20 % of its planned amount.</summary>
    public const int NotifiedMovePercent = 20;

    public int Id { get; private set; }
    public int TaskId { get; private set; }
    public int BasedOnVersion { get; private set; }
    public AgreementTerms Before { get; private set; } = null!;
    public AgreementTerms After { get; private set; } = null!;
    /// <summary>A researcher joining or leaving, when that is the change (the terms stay as they are).</summary>
    public ResearcherChange? Researcher { get; private set; }
    public ChangeKind Kind { get; private set; }
    public ChangeRequestStatus Status { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid RequestedById { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public Guid? DecidedById { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionReason { get; private set; }

    private ChangeRequest()
    {
    }

    /// <summary>
    /// A researcher change: a participant other than the principal investigator is only notified (in force at once); the
    /// principal investigator joining or leaving needs approval.
    /// </summary>
    internal static ChangeRequest FileResearcher(int taskId, TaskAgreement inForce, ResearcherChange change, string reason, Guid memberId, DateTimeOffset now)
    {
        var request = File(taskId, inForce, inForce.Terms, reason, memberId, now);
        request.Researcher = change;
        request.Kind = change.Role == ResearcherRole.PrincipalInvestigator ? ChangeKind.Approval : ChangeKind.Notification;
        request.Status = request.Kind == ChangeKind.Notification ? ChangeRequestStatus.Applied : ChangeRequestStatus.Pending;
        return request;
    }

    internal static ChangeRequest File(int taskId, TaskAgreement inForce, AgreementTerms after, string reason, Guid memberId, DateTimeOffset now)
    {
        if (reason.Trim().Length is 0 or > 2000)
        {
            throw new DomainException("change-request.reason", "ChangeRequest.ReasonRequired", ProblemKind.Invalid, "Reason");
        }
        var kind = KindOf(inForce.Terms, after);
        return new ChangeRequest
        {
            TaskId = taskId, BasedOnVersion = inForce.Number, Before = inForce.Terms, After = after, Kind = kind, Reason = reason.Trim(),
            RequestedById = memberId, RequestedAt = now, Status = kind == ChangeKind.Notification ? ChangeRequestStatus.Applied : ChangeRequestStatus.Pending,
        };
    }

    /// <summary>
    /// Notification-type when only the budget moves, the grant and the own share's total stay, no category is added, and
    /// every category moves by at most <see cref="NotifiedMovePercent"/> % of its planned amount; approval-type otherwise.
    /// </summary>
    public static ChangeKind KindOf(AgreementTerms before, AgreementTerms after)
    {
        if (before.StartsOn != after.StartsOn || before.EndsOn != after.EndsOn || before.Obligations != after.Obligations || before.Goal != after.Goal
            || before.Budget.Sum(b => b.Total) != after.Budget.Sum(b => b.Total))
        {
            return ChangeKind.Approval;
        }
        var planned = before.Budget.ToDictionary(b => b.Category, b => b.Total);
        foreach (var category in before.Budget.Select(b => b.Category).Union(after.Budget.Select(b => b.Category)))
        {
            var was = planned.GetValueOrDefault(category);
            var now = after.Budget.Where(b => b.Category == category).Sum(b => b.Total);
            if (was == 0 && now != 0 || Math.Abs(now - was) * 100 > was * NotifiedMovePercent)
            {
                return ChangeKind.Approval;
            }
        }
        return ChangeKind.Notification;
    }

    internal void Decide(bool approve, string? reason, Guid staffId, DateTimeOffset now)
    {
        if (Status != ChangeRequestStatus.Pending)
        {
            throw new DomainException("change-request.decided", "ChangeRequest.AlreadyDecided");
        }
        if (!approve && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("change-request.reason", "ChangeRequest.RejectReasonRequired", ProblemKind.Invalid, "Reason");
        }
        (Status, DecidedById, DecidedAt, DecisionReason) = (approve ? ChangeRequestStatus.Approved : ChangeRequestStatus.Rejected, staffId, now, reason?.Trim());
    }
}
