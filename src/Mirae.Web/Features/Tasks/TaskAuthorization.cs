using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Directory;

namespace Mirae.Web.Features.Tasks;

/// <summary>The organization a funded task belongs to, as the resource of an authorization check.</summary>
public sealed record TaskResource(int OrganizationId);

/// <summary>What a page may do with a task: nothing (<see cref="Refused"/> says which answer), or view and what else the reader may do.</summary>
public sealed record TaskAccess(Microsoft.AspNetCore.Mvc.IActionResult? Refused, bool CanPlan, bool CanAccept, bool CanManage)
{
    /// <summary>
    /// Checks <paramref name="operation"/> on task <paramref name="id"/> (404 when there is no such task, 403 when refused)
    /// and what else the reader may do. The company's own members read their own data, which is not logged as
    /// personal-data access; staff reading it is.
    /// </summary>
    public static async Task<TaskAccess> CheckAsync(ReadTasks read, IAuthorizationService authorization, HttpContext http, int id,
        OperationAuthorizationRequirement operation)
    {
        if (await read.OrganizationOfAsync(id, http.RequestAborted) is not int organization)
        {
            return new TaskAccess(new Microsoft.AspNetCore.Mvc.NotFoundResult(), false, false, false);
        }
        var resource = new TaskResource(organization);
        if (!(await authorization.AuthorizeAsync(http.User, resource, operation)).Succeeded)
        {
            return new TaskAccess(new Microsoft.AspNetCore.Mvc.ForbidResult(), false, false, false);
        }
        async Task<bool> May(OperationAuthorizationRequirement other) => (await authorization.AuthorizeAsync(http.User, resource, other)).Succeeded;
        var access = new TaskAccess(null, await May(TaskOperations.Plan), await May(TaskOperations.Accept), await May(TaskOperations.Manage));
        if (access.CanAccept)
        {
            Audit.PersonalData.ReadByItsSubject(http);
        }
        return access;
    }
}

public static class TaskOperations
{
    /// <summary>See the task: its organization's approved members, and program staff.</summary>
    public static readonly OperationAuthorizationRequirement View = new() { Name = nameof(View) };

    /// <summary>Change the plan and researchers before the agreement: the organization's members, and program staff.</summary>
    public static readonly OperationAuthorizationRequirement Plan = new() { Name = nameof(Plan) };

    /// <summary>Accept the agreement for the organization: its approved members only.</summary>
    public static readonly OperationAuthorizationRequirement Accept = new() { Name = nameof(Accept) };

    /// <summary>Issue agreements, record payments and interim reports: program staff only.</summary>
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };
}

/// <summary>Who may do what with a funded task; evaluators and visitors nothing.</summary>
public sealed class TaskAuthorizationHandler(AppDbContext db) : AuthorizationHandler<OperationAuthorizationRequirement, TaskResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, TaskResource resource)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }
        var staff = context.User.IsProgramStaff();
        if (staff && (requirement == TaskOperations.View || requirement == TaskOperations.Plan || requirement == TaskOperations.Manage))
        {
            context.Succeed(requirement);
            return;
        }
        if ((requirement == TaskOperations.View || requirement == TaskOperations.Plan || requirement == TaskOperations.Accept)
            && context.User.IsInRole(Roles.CompanyMember) && await db.Memberships.IsApprovedMemberAsync(context.User.UserId(), resource.OrganizationId))
        {
            context.Succeed(requirement);
        }
    }
}
