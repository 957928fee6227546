using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Calls;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Tasks;

/// <summary>Funded tasks, read-only: the caller's own (members), or all (staff, filterable by status and call).</summary>
public static class TasksApi
{
    public sealed record TaskItem(int Id, string Number, string Title, string BusinessNumber, int CallId, DateOnly StartsOn, DateOnly EndsOn, long Grant, long Paid,
        string Status);

    public sealed record AgreementItem(int Version, DateTimeOffset IssuedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? WithdrawnAt);

    public sealed record InstallmentItem(int Sequence, long Amount, string Condition, DateTimeOffset? PaidAt);

    public sealed record BudgetItem(string Category, long Grant, long OwnCash, long OwnInKind, long Total);

    /// <summary>The settlement summary: what the plan says, what was paid; spending and settlement come with expenses.</summary>
    public sealed record SettlementSummary(long PlannedTotal, long PlannedGrant, long PlannedOwnShare, long Paid, long Unpaid);

    public sealed record TaskDetails(TaskItem Task, FundingRules Rules, IReadOnlyList<BudgetItem> Budget, IReadOnlyList<InstallmentItem> Installments,
        IReadOnlyList<AgreementItem> Agreements, SettlementSummary Settlement);

    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tasks").WithTags("Tasks").RequireAuthorization();
        group.MapGet("", ListAsync).WithName("ListTasks");
        group.MapGet("/{id:int}", GetAsync).WithName("GetTask");
        return app;
    }

    /// <summary>Staff see every task (<c>status</c>, <c>callId</c> filter); a member the tasks of their organizations.</summary>
    private static async Task<Ok<List<TaskItem>>> ListAsync(ClaimsPrincipal user, ReadTasks read, FundedTaskStatus? status, int? callId,
        CancellationToken cancellationToken)
    {
        var staff = user.IsProgramStaff();
        var rows = await read.ListAsync(user.UserId(), staff, status, callId, cancellationToken);
        return TypedResults.Ok(rows.Select(Item).ToList());
    }

    private static async Task<Results<Ok<TaskDetails>, NotFound, ForbidHttpResult>> GetAsync(ClaimsPrincipal user, ReadTasks read, IAuthorizationService authorization,
        int id, CancellationToken cancellationToken)
    {
        if (await read.OrganizationOfAsync(id, cancellationToken) is not int organization)
        {
            return TypedResults.NotFound();
        }
        if (!(await authorization.AuthorizeAsync(user, new TaskResource(organization), TaskOperations.View)).Succeeded)
        {
            return TypedResults.Forbid();
        }
        var d = (await read.DetailsAsync(id, cancellationToken))!;
        var paid = d.Installments.Where(i => i.PaidAt is not null).Sum(i => i.Amount);
        return TypedResults.Ok(new TaskDetails(Item(d.Task), d.Rules,
            [.. d.Budget.Select(b => new BudgetItem(b.Category.ToString(), b.Grant, b.OwnCash, b.OwnInKind, b.Total))],
            [.. d.Installments.Select(i => new InstallmentItem(i.Sequence, i.Amount, i.Condition.ToString(), i.PaidAt))],
            [.. d.Agreements.Select(a => new AgreementItem(a.Number, a.IssuedAt, a.AcceptedAt, a.WithdrawnAt))],
            new SettlementSummary(d.Budget.Sum(b => b.Total), d.Budget.Sum(b => b.Grant), d.Budget.Sum(b => b.OwnCash + b.OwnInKind), paid, d.Task.Grant - paid)));
    }

    private static TaskItem Item(ReadTasks.Row t) =>
        new(t.Id, t.Number, t.TitleKo, t.BusinessNumber, t.CallId, t.StartsOn, t.EndsOn, t.Grant, t.Paid, t.Status.ToString());
}
