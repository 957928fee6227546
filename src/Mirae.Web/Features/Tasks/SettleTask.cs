using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Tasks;

/// <summary>
/// The settlement of a task: staff start it, disallow expense lines with reasons, share it; the company objects once if
/// it disagrees; staff finalize, and the result (in won) goes into the public log. Staff steps need
/// <see cref="TaskOperations.Manage"/>, the objection <see cref="TaskOperations.Accept"/>.
/// </summary>
public sealed class SettleTask(AppDbContext db, AuditLog audit, Notify notify, LedgerRecords ledger, TimeProvider clock)
{
    /// <summary>The settlement as it stands: the agreed plan in force against the expenses and the grant paid.</summary>
    public async Task<Settlement.Result> ComputeAsync(int taskId, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(taskId, null, cancellationToken);
        return await ComputeAsync(task, cancellationToken);
    }

    public async Task StartAsync(int taskId, int version, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(taskId, version, cancellationToken);
        task.StartSettlement();
        audit.Add(AuditActions.TaskSettlement, $"task:{task.Number}", "started");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DisallowAsync(int taskId, int expenseId, long amount, string? reason, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(taskId, null, cancellationToken);
        task.EnsureSettlementOpen();
        var expense = await db.Expenses.SingleOrDefaultAsync(e => e.Id == expenseId && e.TaskId == taskId, cancellationToken) ?? throw new NotFoundException("expense");
        expense.Disallow(amount, reason);
        audit.Add(AuditActions.TaskSettlement, $"task:{task.Number}", $"expense {expenseId}: {amount} won disallowed: {reason?.Trim()}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ShareAsync(int taskId, int version, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(taskId, version, cancellationToken);
        task.ShareSettlement(clock.GetUtcNow());
        audit.Add(AuditActions.TaskSettlement, $"task:{task.Number}", "shared with the company");
        await TellAsync(task, "shared", "Notification.SettlementShared", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ObjectAsync(int taskId, string reason, CancellationToken cancellationToken)
    {
        await using var transaction = await db.LockAsync($"task:{taskId}", cancellationToken); // once, in parallel too
        var task = await LoadAsync(taskId, null, cancellationToken);
        task.RaiseObjection(reason, clock.GetUtcNow());
        audit.Add(AuditActions.TaskSettlement, $"task:{task.Number}", "objection: " + reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Settlement.Result> FinalizeAsync(int taskId, int version, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(taskId, version, cancellationToken);
        var result = await ComputeAsync(task, cancellationToken);
        task.FinalizeSettlement(clock.GetUtcNow());
        audit.Add(AuditActions.TaskSettlement, $"task:{task.Number}", $"final: recognised {result.Recognised} won, grant to return {result.ToReturn} won");
        var businessNumber = await db.Organizations.Where(o => o.Id == task.OrganizationId).Select(o => o.BusinessNumber).SingleAsync(cancellationToken);
        ledger.Add(LedgerKinds.TaskSettlement, $"task:{task.Number}", new JsonObject
        {
            ["taskNumber"] = task.Number,
            ["businessNumber"] = businessNumber,
            ["agreementVersion"] = task.InForce?.Number,
            ["planned"] = result.Planned,
            ["executed"] = result.Executed,
            ["disallowed"] = result.Disallowed,
            ["recognised"] = result.Recognised,
            ["paid"] = result.Paid,
            ["toReturn"] = result.ToReturn,
        });
        await TellAsync(task, "final", "Notification.SettlementFinal", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    private async Task<Settlement.Result> ComputeAsync(FundedTask task, CancellationToken cancellationToken)
    {
        var expenses = await db.Expenses.AsNoTracking().Where(e => e.TaskId == task.Id)
            .Select(e => new Settlement.Spent(e.Category, e.Amount, e.DisallowedAmount)).ToListAsync(cancellationToken);
        return Settlement.Compute(task.InForce?.Terms.Budget ?? task.Budget, expenses, task.Installments.Where(i => i.PaidAt != null).Sum(i => i.Amount));
    }

    private async Task TellAsync(FundedTask task, string step, string messageKey, CancellationToken cancellationToken)
    {
        var members = await db.Memberships.ApprovedMembersOfAsync([task.OrganizationId], cancellationToken);
        await notify.AddAsync(members[task.OrganizationId].ToList(), $"task:{task.Id}:settlement:{step}", messageKey, $"/tasks/{task.Id}/settlement", [task.Number],
            cancellationToken);
    }

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
