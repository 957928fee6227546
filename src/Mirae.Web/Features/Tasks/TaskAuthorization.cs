using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Directory;

namespace Mirae.Web.Features.Tasks;

/// <summary>The organization a funded task belongs to, as the resource of an authorization check.</summary>
public sealed record TaskResource(int OrganizationId);

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
