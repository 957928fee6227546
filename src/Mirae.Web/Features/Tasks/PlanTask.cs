using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Tasks;

/// <summary>
/// The task's plan and agreement: members of the company or staff change the plan before the agreement; staff issue the
/// agreement from it; a member accepts it (the caller checked their password) and the task starts. The caller
/// authorized the operation on the task's organization.
/// </summary>
public sealed class PlanTask(AppDbContext db, AuditLog audit, Notify notify, LedgerRecords ledger, TimeProvider clock)
{
    public sealed record Plan(DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<BudgetLine> Budget, IReadOnlyList<(long Amount, InstallmentCondition Condition)> Installments,
        string Obligations, string? Goal = null);

    public async Task PlanAsync(int taskId, int version, Plan plan, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(taskId, version, cancellationToken);
        task.Plan(plan.StartsOn, plan.EndsOn, plan.Budget, plan.Installments, plan.Obligations, clock.GetUtcNow(), plan.Goal);
        audit.Add(AuditActions.TaskPlanned, $"task:{task.Number}",
            $"{plan.StartsOn:yyyy-MM-dd}..{plan.EndsOn:yyyy-MM-dd}, total {plan.Budget.Sum(b => b.Total)} won, {plan.Installments.Count} tranches");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Staff issue the agreement from the current plan (signing for the city); the company's members are told.</summary>
    public async Task<int> IssueAsync(int taskId, int version, Guid staffId, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(taskId, version, cancellationToken);
        var agreement = task.Issue(staffId, clock.GetUtcNow());
        audit.Add(AuditActions.TaskAgreementIssued, $"task:{task.Number}", $"version {agreement.Number}");
        var members = await db.Memberships.ApprovedMembersOfAsync([task.OrganizationId], cancellationToken);
        await notify.AddAsync(members[task.OrganizationId].ToList(), $"task:{task.Id}:agreement:{agreement.Number}", "Notification.TaskAgreementIssued",
            $"/tasks/{task.Id}", [task.Number], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return agreement.Number;
    }

    /// <summary>
    /// A member accepts agreement <paramref name="number"/> (their password checked by the caller): the task starts, and the
    /// agreement goes into the public log (the terms by their hash, the organization by business number).
    /// </summary>
    public async Task AcceptAsync(int taskId, int number, Guid memberId, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(taskId, null, cancellationToken);
        var now = clock.GetUtcNow();
        var agreement = task.Accept(number, memberId, now);
        audit.Add(AuditActions.TaskAgreementAccepted, $"task:{task.Number}", $"version {agreement.Number}");
        var businessNumber = await db.Organizations.Where(o => o.Id == task.OrganizationId).Select(o => o.BusinessNumber).SingleAsync(cancellationToken);
        var terms = agreement.Terms;
        ledger.Add(LedgerKinds.TaskAgreement, $"task:{task.Number}", new JsonObject
        {
            ["taskNumber"] = task.Number,
            ["businessNumber"] = businessNumber,
            ["version"] = agreement.Number,
            ["startsOn"] = terms.StartsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["endsOn"] = terms.EndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["grant"] = terms.Grant,
            ["ownShare"] = terms.Budget.Sum(b => b.OwnCash + b.OwnInKind),
            ["issuedAt"] = Kst.DateTimeIso(agreement.IssuedAt),
            ["acceptedAt"] = Kst.DateTimeIso(now),
            ["termsSha256"] = LedgerRecords.Sha256(System.Text.Json.JsonSerializer.Serialize(terms)),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Staff record that the interim report was accepted.</summary>
    public async Task AcceptInterimAsync(int taskId, int version, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(taskId, version, cancellationToken);
        task.AcceptInterim(clock.GetUtcNow());
        audit.Add(AuditActions.TaskInterimAccepted, $"task:{task.Number}", "");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Staff record tranche <paramref name="sequence"/> as paid; the company's members are told.</summary>
    public async Task PayAsync(int taskId, int version, int sequence, Guid staffId, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(taskId, version, cancellationToken);
        var installment = task.Pay(sequence, staffId, clock.GetUtcNow());
        audit.Add(AuditActions.TaskInstallmentPaid, $"task:{task.Number}", $"tranche {sequence}: {installment.Amount} won");
        var members = await db.Memberships.ApprovedMembersOfAsync([task.OrganizationId], cancellationToken);
        await notify.AddAsync(members[task.OrganizationId].ToList(), $"task:{task.Id}:installment:{sequence}", "Notification.TaskInstallmentPaid",
            $"/tasks/{task.Id}", [task.Number, sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), Money.Won(installment.Amount)], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The task with its tranches and agreements; <paramref name="version"/> (what the form showed) must still be current.</summary>
    private async Task<FundedTask> LoadAsync(int taskId, int? version, CancellationToken cancellationToken)
    {
        var task = await db.FundedTasks.Include(t => t.Installments).Include(t => t.Agreements).SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken)
            ?? throw new NotFoundException("task");
        if (version is int shown && shown != task.Version)
        {
            throw new DomainException("task.changed", "Task.ChangedMeanwhile", ProblemKind.Conflict);
        }
        return task;
    }
}
