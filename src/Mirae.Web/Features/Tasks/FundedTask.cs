using Mirae.Web.Features.Calls;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Tasks;

/// <summary>Where a funded task (지원 과제) is in its life: from selection to settlement.</summary>
public enum FundedTaskStatus
{
    /// <summary>Selected; the plan is being prepared and the agreement not yet accepted by both sides (협약 전).</summary>
    AwaitingAgreement,
    /// <summary>Both sides accepted the agreement: the task runs and the grant may be spent (수행 중).</summary>
    InProgress,
    /// <summary>The period ended; the settlement is being prepared (정산 중).</summary>
    Settling,
    /// <summary>Settled: the task is finished (정산 완료).</summary>
    Settled,
}

/// <summary>The national expense categories of an R&amp;D budget (연구개발비 비목), in their usual order.</summary>
public enum ExpenseCategory
{
    Personnel,
    StudentPersonnel,
    Equipment,
    Activities,
    Materials,
    Allowance,
    Outsourcing,
    Indirect,
}

/// <summary>One category of the budget plan, in whole won: the city grant and the company's own share in cash and in kind.</summary>
public sealed record BudgetLine(ExpenseCategory Category, long Grant, long OwnCash, long OwnInKind)
{
    public long Total => Grant + OwnCash + OwnInKind;
}

/// <summary>A condition a tranche waits for before staff may pay it.</summary>
public enum InstallmentCondition
{
    AgreementSigned,
    InterimReportAccepted,
}

/// <summary>One tranche of the grant: its amount and condition, and when staff paid it.</summary>
public sealed class Installment
{
    public int Id { get; private set; }
    public int TaskId { get; private set; }
    public int Sequence { get; private set; }
    public long Amount { get; private set; }
    public InstallmentCondition Condition { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public Guid? PaidById { get; private set; }

    private Installment()
    {
    }

    internal Installment(int sequence, long amount, InstallmentCondition condition) => (Sequence, Amount, Condition) = (sequence, amount, condition);

    internal void Pay(Guid staffId, DateTimeOffset now) => (PaidAt, PaidById) = (now, staffId);
}

/// <summary>
/// A selected application's funded life (지원 과제): the plan (period, budget, researchers, tranches), the agreement in
/// versions, payments. One per selected application, numbered <c>{year}-{call:000}-T{nn}</c>. Money in whole won.
/// </summary>
public sealed class FundedTask
{
    public const int MaxObligations = 4000;

    public int Id { get; private set; }
    public string Number { get; private set; } = "";
    public int CallId { get; private set; }
    public int ApplicationId { get; private set; }
    public int OrganizationId { get; private set; }
    public string TitleKo { get; private set; } = "";
    /// <summary>What the task sets out to achieve (연구 목표); changing it after the agreement needs approval.</summary>
    public string Goal { get; private set; } = "";
    public const int MaxGoal = 2000;
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    /// <summary>The city grant the selection awarded (won).</summary>
    public long Grant { get; private set; }
    public FundingRules Rules { get; private set; } = FundingRules.Default;
    public IReadOnlyList<BudgetLine> Budget { get; private set; } = [];
    /// <summary>The agreement's obligations and special terms (협약 조건), from the call's template, as staff adjust them.</summary>
    public string Obligations { get; private set; } = "";
    public FundedTaskStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? InterimAcceptedAt { get; private set; }
    /// <summary>When staff shared the settlement with the company (it may object once, then staff finalize).</summary>
    public DateTimeOffset? SettlementSharedAt { get; private set; }
    public string? Objection { get; private set; }
    public DateTimeOffset? ObjectedAt { get; private set; }
    public DateTimeOffset? SettledAt { get; private set; }
    /// <summary>Changed on every write: two staff or members changing one task at once do not overwrite each other.</summary>
    public int Version { get; private set; }

    private readonly List<Installment> _installments = [];
    public IReadOnlyList<Installment> Installments => _installments;

    private readonly List<TaskAgreement> _agreements = [];
    public IReadOnlyList<TaskAgreement> Agreements => _agreements;

    private FundedTask()
    {
    }

    public static FundedTask Create(string number, int callId, int applicationId, int organizationId, string title, long grant, FundingRules rules,
        string obligations, DateOnly startsOn, DateTimeOffset now, string goal = "")
    {
        var task = new FundedTask
        {
            Number = number, CallId = callId, ApplicationId = applicationId, OrganizationId = organizationId, TitleKo = title.Trim(), Grant = grant,
            Rules = rules, Obligations = obligations, Goal = goal.Trim().Length > MaxGoal ? goal.Trim()[..MaxGoal] : goal.Trim(), StartsOn = startsOn, EndsOn = startsOn.AddYears(1).AddDays(-1), Status = FundedTaskStatus.AwaitingAgreement,
            CreatedAt = now,
        };
        // A first plan to start from: the grant in personnel, the minimum own share in cash; one tranche at signing.
        var own = Ceiling(grant * rules.OwnShareMinPercent, 100 - rules.OwnShareMinPercent);
        task.Budget = [new BudgetLine(ExpenseCategory.Personnel, grant, own, 0)];
        task._installments.Add(new Installment(1, grant, InstallmentCondition.AgreementSigned));
        return task;
    }

    /// <summary>The number of the <paramref name="sequence"/>-th task of a call (1-based): <c>2026-003-T01</c>.</summary>
    public static string NumberOf(int year, int callId, int sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{year}-{callId:000}-T{sequence:00}");

    /// <summary>The agreement both sides accepted last (the one in force), if any.</summary>
    public TaskAgreement? InForce => _agreements.Where(a => a.AcceptedAt is not null).MaxBy(a => a.Number);

    /// <summary>The agreement issued and waiting for the company's acceptance, if any.</summary>
    public TaskAgreement? Pending => _agreements.SingleOrDefault(a => a.AcceptedAt is null && a.WithdrawnAt is null);

    /// <summary>
    /// Changes the plan before the agreement: period, budget lines, tranches and obligations. Checked as a whole (each
    /// problem names its field); an issued agreement waiting for acceptance is withdrawn, since it no longer says the plan.
    /// </summary>
    public void Plan(DateOnly startsOn, DateOnly endsOn, IReadOnlyList<BudgetLine> budget, IReadOnlyList<(long Amount, InstallmentCondition Condition)> installments,
        string obligations, DateTimeOffset now, string? goal = null)
    {
        if (Status != FundedTaskStatus.AwaitingAgreement)
        {
            throw new DomainException("task.plan-agreed", "Task.PlanAgreed");
        }
        var problems = TaskRules.CheckPlan(this, startsOn, endsOn, budget, installments, obligations);
        if (problems.Count > 0)
        {
            throw new TaskPlanException(problems);
        }
        if (goal is not null && goal.Trim().Length > MaxGoal)
        {
            throw new TaskPlanException([new TaskRules.Problem("Goal", "task.goal-long", "Task.GoalLong", [MaxGoal])]);
        }
        (StartsOn, EndsOn, Budget, Obligations, Goal) = (startsOn, endsOn, [.. budget.OrderBy(b => b.Category)], obligations.Trim(), goal?.Trim() ?? Goal);
        _installments.Clear();
        _installments.AddRange(installments.Select((t, i) => new Installment(i + 1, t.Amount, t.Condition)));
        Pending?.Withdraw(now);
        Version++;
    }

    /// <summary>Staff issue the agreement (and sign it for the city) from the current plan: a new version the company must accept.</summary>
    public TaskAgreement Issue(Guid staffId, DateTimeOffset now)
    {
        if (Status != FundedTaskStatus.AwaitingAgreement)
        {
            throw new DomainException("task.plan-agreed", "Task.PlanAgreed");
        }
        var problems = TaskRules.CheckPlan(this, StartsOn, EndsOn, Budget, [.. _installments.Select(i => (i.Amount, i.Condition))], Obligations);
        if (problems.Count > 0)
        {
            throw new TaskPlanException(problems);
        }
        Pending?.Withdraw(now);
        var agreement = TaskAgreement.Issue(this, _agreements.Count + 1, staffId, now);
        _agreements.Add(agreement);
        Version++;
        return agreement;
    }

    /// <summary>The company's member accepts the pending agreement (the caller checked their password): the task starts.</summary>
    public TaskAgreement Accept(int number, Guid memberId, DateTimeOffset now)
    {
        if (Pending is not { } pending || pending.Number != number)
        {
            throw new DomainException("task.agreement-not-pending", "Task.AgreementNotPending");
        }
        pending.Accept(memberId, now);
        Status = FundedTaskStatus.InProgress;
        Version++;
        return pending;
    }

    /// <summary>The terms this task's agreement in force would have with a new period and budget (what a change request proposes).</summary>
    public AgreementTerms Proposed(DateOnly startsOn, DateOnly endsOn, IReadOnlyList<BudgetLine> budget, string? goal = null)
    {
        var inForce = InForce ?? throw new DomainException("task.not-running", "Task.NotRunning");
        var problems = TaskRules.CheckPlan(this, startsOn, endsOn, budget, [.. _installments.Select(i => (i.Amount, i.Condition))], Obligations);
        if (problems.Count > 0)
        {
            throw new TaskPlanException(problems);
        }
        if (goal is not null && goal.Trim().Length > MaxGoal)
        {
            throw new TaskPlanException([new TaskRules.Problem("Goal", "task.goal-long", "Task.GoalLong", [MaxGoal])]);
        }
        return inForce.Terms with { StartsOn = startsOn, EndsOn = endsOn, Budget = [.. budget.OrderBy(b => b.Category)], Goal = goal?.Trim() ?? inForce.Terms.Goal };
    }

    /// <summary>
    /// Puts a change in force as a new agreement version, if the request was based on the version in force now (two
    /// requests in flight cannot both apply to the old version).
    /// </summary>
    public TaskAgreement ApplyChange(ChangeRequest request, Guid issuedBy, DateTimeOffset now)
    {
        if (Status != FundedTaskStatus.InProgress || InForce is not { } inForce)
        {
            throw new DomainException("task.not-running", "Task.NotRunning");
        }
        if (inForce.Number != request.BasedOnVersion)
        {
            throw new DomainException("change-request.stale", "ChangeRequest.Stale", ProblemKind.Conflict, arguments: [request.BasedOnVersion, inForce.Number]);
        }
        if (request.Researcher is not null)
        {
            Version++; // the people change, the terms do not: no new version of the agreement
            return inForce;
        }
        var agreement = TaskAgreement.Changed(_agreements.Count + 1, request.After, issuedBy, request.RequestedById, now);
        _agreements.Add(agreement);
        (StartsOn, EndsOn, Budget, Goal) = (request.After.StartsOn, request.After.EndsOn, request.After.Budget, request.After.Goal);
        Version++;
        return agreement;
    }

    /// <summary>Staff record that the interim report was accepted (the condition of later tranches).</summary>
    public void AcceptInterim(DateTimeOffset now)
    {
        if (Status != FundedTaskStatus.InProgress)
        {
            throw new DomainException("task.not-running", "Task.NotRunning");
        }
        InterimAcceptedAt ??= now;
        Version++;
    }

    /// <summary>Staff record a tranche as paid: in order, once, and only when its condition holds.</summary>
    public Installment Pay(int sequence, Guid staffId, DateTimeOffset now)
    {
        var installment = _installments.SingleOrDefault(i => i.Sequence == sequence) ?? throw new NotFoundException("installment");
        if (installment.PaidAt is not null)
        {
            throw new DomainException("task.installment-paid", "Task.InstallmentPaid");
        }
        if (_installments.Any(i => i.Sequence < sequence && i.PaidAt is null))
        {
            throw new DomainException("task.installment-order", "Task.InstallmentOrder");
        }
        var met = installment.Condition switch
        {
            InstallmentCondition.AgreementSigned => InForce is not null,
            _ => InForce is not null && InterimAcceptedAt is not null,
        };
        if (!met)
        {
            throw new DomainException("task.installment-condition", "Task.InstallmentCondition", arguments: [installment.Condition]);
        }
        installment.Pay(staffId, now);
        Version++;
        return installment;
    }

    /// <summary>Staff start the settlement: spending stops and staff review the expenses.</summary>
    public void StartSettlement()
    {
        if (Status != FundedTaskStatus.InProgress)
        {
            throw new DomainException("task.not-running", "Task.NotRunning");
        }
        Status = FundedTaskStatus.Settling;
        Version++;
    }

    /// <summary>Lines may be disallowed while the settlement is being prepared, not once it is shared.</summary>
    public void EnsureSettlementOpen()
    {
        if (Status != FundedTaskStatus.Settling || SettlementSharedAt is not null)
        {
            throw new DomainException("settlement.not-open", "Settlement.NotOpen");
        }
    }

    public void ShareSettlement(DateTimeOffset now)
    {
        EnsureSettlementOpen();
        SettlementSharedAt = now;
        Version++;
    }

    /// <summary>The company objects to the shared settlement, once, with a reason.</summary>
    public void RaiseObjection(string reason, DateTimeOffset now)
    {
        if (Status != FundedTaskStatus.Settling || SettlementSharedAt is null)
        {
            throw new DomainException("settlement.not-shared", "Settlement.NotShared");
        }
        if (ObjectedAt is not null)
        {
            throw new DomainException("settlement.objected", "Settlement.AlreadyObjected");
        }
        if (reason.Trim().Length is 0 or > 2000)
        {
            throw new DomainException("settlement.objection-reason", "Settlement.ObjectionReason", ProblemKind.Invalid, "Objection");
        }
        (Objection, ObjectedAt) = (reason.Trim(), now);
        Version++;
    }

    /// <summary>Staff finalize a shared settlement: the task is finished.</summary>
    public void FinalizeSettlement(DateTimeOffset now)
    {
        if (Status != FundedTaskStatus.Settling || SettlementSharedAt is null)
        {
            throw new DomainException("settlement.not-shared", "Settlement.NotShared");
        }
        (Status, SettledAt) = (FundedTaskStatus.Settled, now);
        Version++;
    }

    private static long Ceiling(long numerator, long denominator) => (numerator + denominator - 1) / denominator;
}

/// <summary>The plan broke rules; each problem names its field (a budget category, the period, the tranches).</summary>
public sealed class TaskPlanException(IReadOnlyList<TaskRules.Problem> problems) : Exception(string.Join("; ", problems.Select(p => p.Code)))
{
    public IReadOnlyList<TaskRules.Problem> Problems { get; } = problems;
}
