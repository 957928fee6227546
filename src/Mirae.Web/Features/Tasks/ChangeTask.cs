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
        CancellationToken cancellationToken, string? goal = null)
    {
        await using var transaction = await db.LockAsync($"task:{taskId}", cancellationToken);
        var task = await LoadAsync(taskId, cancellationToken);
        var now = clock.GetUtcNow();
        var request = ChangeRequest.File(task.Id, task.InForce ?? throw new DomainException("task.not-running", "Task.NotRunning"),
            task.Proposed(startsOn, endsOn, budget, goal), reason, memberId, now);
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

    /// <summary>
    /// A researcher joins (<paramref name="adding"/>) or leaves a running task: a participant at once, the principal
    /// investigator after staff approve. A joining researcher is checked (3책5공 included) when filed and when applied.
    /// </summary>
    public async Task<ChangeRequest> RequestResearcherAsync(int taskId, ChangeResearchers.Input? adding, int? leavingId, string reason, Guid memberId,
        CancellationToken cancellationToken)
    {
        var leaving = leavingId is int id ? await db.TaskResearchers.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.TaskId == taskId, cancellationToken)
            ?? throw new NotFoundException("researcher") : null;
        var number = adding?.ResearcherNumber.Trim() ?? leaving!.ResearcherNumber;
        await using var transaction = await db.LockAsync($"researcher:{number}", cancellationToken); // researcher first, then task, everywhere
        await db.AlsoLockAsync($"task:{taskId}", cancellationToken);
        var task = await LoadAsync(taskId, cancellationToken);
        var now = clock.GetUtcNow();
        var inForce = task.InForce is { } agreement && task.Status == FundedTaskStatus.InProgress ? agreement : throw new DomainException("task.not-running", "Task.NotRunning");
        TaskResearcher? joining = adding is null ? null : await ChangeResearchers.CheckedAsync(db, task, adding, cancellationToken);
        var change = joining is not null
            ? new ResearcherChange(true, null, joining.ResearcherNumber, joining.Name, joining.Role, joining.FromMonth, joining.ToMonth, joining.RatePercent)
            : new ResearcherChange(false, leaving!.Id, leaving.ResearcherNumber, leaving.Name, leaving.Role, leaving.FromMonth, leaving.ToMonth, leaving.RatePercent);
        var request = ChangeRequest.FileResearcher(task.Id, inForce, change, reason, memberId, now);
        db.ChangeRequests.Add(request);
        if (request.Kind == ChangeKind.Notification)
        {
            await ApplyResearcherAsync(task, request, memberId, now, cancellationToken);
        }
        audit.Add(AuditActions.TaskChangeRequested, $"task:{task.Number}",
            $"researcher {change.ResearcherNumber} {(change.Adding ? "joins" : "leaves")} as {change.Role}: {request.Kind}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return request;
    }

    public async Task DecideAsync(int taskId, int requestId, bool approve, string? reason, Guid staffId, CancellationToken cancellationToken)
    {
        var researcherNumber = await db.ChangeRequests.AsNoTracking().Where(r => r.Id == requestId && r.TaskId == taskId).Select(r => r.Researcher)
            .SingleOrDefaultAsync(cancellationToken) is { } researcherChange ? researcherChange.ResearcherNumber : null;
        await using var transaction = await db.LockAsync(researcherNumber is null ? $"task:{taskId}" : $"researcher:{researcherNumber}", cancellationToken);
        if (researcherNumber is not null)
        {
            await db.AlsoLockAsync($"task:{taskId}", cancellationToken);
        }
        var task = await LoadAsync(taskId, cancellationToken);
        var request = await db.ChangeRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.TaskId == taskId, cancellationToken)
            ?? throw new NotFoundException("change request");
        var now = clock.GetUtcNow();
        request.Decide(approve, reason, staffId, now);
        if (approve && request.Researcher is not null)
        {
            await ApplyResearcherAsync(task, request, staffId, now, cancellationToken);
        }
        else if (approve)
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

    /// <summary>Puts a researcher change in force: the joining researcher checked again (things may have changed since it was filed).</summary>
    private async Task ApplyResearcherAsync(FundedTask task, ChangeRequest request, Guid by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var change = request.Researcher!;
        task.ApplyChange(request, by, now);
        if (change.Adding)
        {
            db.TaskResearchers.Add(await ChangeResearchers.CheckedAsync(db, task,
                new ChangeResearchers.Input(change.ResearcherNumber, change.Name, change.Role, change.FromMonth, change.ToMonth, change.RatePercent), cancellationToken));
        }
        else if (await db.TaskResearchers.SingleOrDefaultAsync(r => r.Id == change.ResearcherId && r.TaskId == task.Id, cancellationToken) is { } leaving)
        {
            db.TaskResearchers.Remove(leaving);
        }
    }

    private async Task<FundedTask> LoadAsync(int taskId, CancellationToken cancellationToken) =>
        await db.FundedTasks.Include(t => t.Installments).Include(t => t.Agreements).SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken)
        ?? throw new NotFoundException("task");
}
