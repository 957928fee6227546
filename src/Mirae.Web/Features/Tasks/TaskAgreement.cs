using Mirae.Web.Features.Calls;
namespace Mirae.Web.Features.Tasks;

/// <summary>A tranche as the agreement states it.</summary>
public sealed record InstallmentTerm(int Sequence, long Amount, InstallmentCondition Condition);

/// <summary>What an agreement version says, frozen when staff issue it: the plan at that moment.</summary>
public sealed record AgreementTerms(string TaskNumber, string TitleKo, DateOnly StartsOn, DateOnly EndsOn, long Grant, FundingRules Rules,
    IReadOnlyList<BudgetLine> Budget, IReadOnlyList<InstallmentTerm> Installments, string Obligations, string Goal = "");

/// <summary>
/// One version of a task's agreement (협약서): issued (and signed for the city) by staff, then accepted by a member of the
/// company after re-entering their password; both moments are kept. A version issued and not accepted is withdrawn when
/// the plan changes or a newer one is issued.
/// </summary>
public sealed class TaskAgreement
{
    public int Id { get; private set; }
    public int TaskId { get; private set; }
    /// <summary>1, 2, …: the version.</summary>
    public int Number { get; private set; }
    public AgreementTerms Terms { get; private set; } = null!;
    public DateTimeOffset IssuedAt { get; private set; }
    public Guid IssuedById { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public Guid? AcceptedById { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }

    private TaskAgreement()
    {
    }

    internal static TaskAgreement Issue(FundedTask task, int number, Guid staffId, DateTimeOffset now) => new()
    {
        Number = number, IssuedAt = now, IssuedById = staffId,
        Terms = new AgreementTerms(task.Number, task.TitleKo, task.StartsOn, task.EndsOn, task.Grant, task.Rules, task.Budget,
            [.. task.Installments.Select(i => new InstallmentTerm(i.Sequence, i.Amount, i.Condition))], task.Obligations, task.Goal),
    };

    /// <summary>A version made by a change: in force at once (the company asked for it; staff approved it or it was only notified).</summary>
    internal static TaskAgreement Changed(int number, AgreementTerms terms, Guid issuedBy, Guid acceptedBy, DateTimeOffset now) => new()
    {
        Number = number, Terms = terms, IssuedAt = now, IssuedById = issuedBy, AcceptedAt = now, AcceptedById = acceptedBy,
    };

    internal void Accept(Guid memberId, DateTimeOffset now) => (AcceptedAt, AcceptedById) = (now, memberId);

    internal void Withdraw(DateTimeOffset now) => WithdrawnAt = now;
}
