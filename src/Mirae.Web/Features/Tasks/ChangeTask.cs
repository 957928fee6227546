using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Tasks;

/// <summary>
/// Agreement changes of a running task (협약 변경): a member files one (a notification-type change is in force at once, an
/// approval-type one waits); staff approve or reject it with a reason, and the company is told. The caller authorized
/// <see cref="TaskOperations.Plan"/> (filing) or <see cref="TaskOperations.Manage"/> (deciding).
/// </summary>
public sealed class ChangeTask(AppDbContext db, AuditLog audit, Notify notify, TimeProvider clock)
{
    public async Task<ChangeRequest> RequestAsync(int taskId, DateOnly startsOn, DateOnly endsOn, IReadOnlyList<BudgetLine> budget, string reason, Guid memberId,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.LockAsync($"task:{taskId}", cancellationToken);
        var task = await LoadAsync(taskId, cancellationToken);
        var now = clock.GetUtcNow();
        var request = ChangeRequest.File(task.Id, task.InForce ?? throw new DomainException("task.not-running", "Task.NotRunning"),
            task.Proposed(startsOn, endsOn, budget), reason, memberId, now);
        db.ChangeRequests.Add(request);
        if (request.Kind == ChangeKind.Notification)
        {
            var agreement = task.ApplyChange(request, memberId, now);
            audit.Add(AuditActions.TaskChangeRequested, $"task:{task.Number}", $"notification-type change, in force as version {agreement.Number}");
        }
        else
        {
            audit.Add(AuditActions.TaskChangeRequested, $"task:{task.Number}", "approval-type change, waiting for staff");
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return request;
    }

    public async Task DecideAsync(int taskId, int requestId, bool approve, string? reason, Guid staffId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.LockAsync($"task:{taskId}", cancellationToken);
        var task = await LoadAsync(taskId, cancellationToken);
        var request = await db.ChangeRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.TaskId == taskId, cancellationToken)
            ?? throw new NotFoundException("change request");
        var now = clock.GetUtcNow();
        request.Decide(approve, reason, staffId, now);
        if (approve)
        {
            task.ApplyChange(request, staffId, now); // refused when another change came into force since the request was filed
        }
        audit.Add(AuditActions.TaskChangeDecided, $"task:{task.Number}", $"request {request.Id} {(approve ? "approved" : "rejected")}: {reason?.Trim()}");
        var members = await db.Memberships.ApprovedMembersOfAsync([task.OrganizationId], cancellationToken);
        await notify.AddAsync(members[task.OrganizationId].ToList(), $"task:{task.Id}:change:{request.Id}",
            approve ? "Notification.TaskChangeApproved" : "Notification.TaskChangeRejected", $"/tasks/{task.Id}", [task.Number], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<FundedTask> LoadAsync(int taskId, CancellationToken cancellationToken) =>
        await db.FundedTasks.Include(t => t.Installments).Include(t => t.Agreements).SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken)
        ?? throw new NotFoundException("task");
}
