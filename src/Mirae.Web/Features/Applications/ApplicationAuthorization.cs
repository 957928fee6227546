using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Calls;

namespace Mirae.Web.Features.Applications;

/// <summary>The organization an application is (or would be) made for, as the resource of an authorization check.</summary>
public sealed record ApplicationResource(int OrganizationId);

/// <summary>What a page may do with an application: nothing (<see cref="Refused"/> says which answer), view, or act as its applicant.</summary>
public sealed record ApplicationAccess(Microsoft.AspNetCore.Mvc.IActionResult? Refused, bool IsMember)
{
    /// <summary>
    /// Checks <paramref name="operation"/> on application <paramref name="id"/> with one light query (404 when there is no
    /// such application, 403 when refused). A member of the applicant reads their own data, which is not logged as
    /// personal-data access; staff reading it is.
    /// </summary>
    public static async Task<ApplicationAccess> CheckAsync(AppDbContext db, IAuthorizationService authorization, HttpContext http, int id,
        OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var organizationId = await db.Applications.Where(a => a.Id == id).Select(a => (int?)a.OrganizationId).SingleOrDefaultAsync(cancellationToken);
        if (organizationId is not int organization)
        {
            return new ApplicationAccess(new Microsoft.AspNetCore.Mvc.NotFoundResult(), false);
        }
        var resource = new ApplicationResource(organization);
        if (!(await authorization.AuthorizeAsync(http.User, resource, operation)).Succeeded)
        {
            return new ApplicationAccess(new Microsoft.AspNetCore.Mvc.ForbidResult(), false);
        }
        var isMember = operation == ApplicationOperations.Edit || (await authorization.AuthorizeAsync(http.User, resource, ApplicationOperations.Edit)).Succeeded;
        if (isMember)
        {
            Audit.PersonalData.ReadByItsSubject(http);
        }
        return new ApplicationAccess(null, isMember);
    }
}

public static class ApplicationOperations
{
    /// <summary>See the application, its answers and files.</summary>
    public static readonly OperationAuthorizationRequirement View = new() { Name = nameof(View) };

    /// <summary>Start, answer, attach, submit and withdraw: only for the organization's own approved members.</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
}

/// <summary>
/// Who may see or change applications: the approved members of the applying organization do both; program staff only
/// see them (they screen, they do not answer); evaluators see none here.
/// </summary>
public sealed class ApplicationAuthorizationHandler(AppDbContext db) : AuthorizationHandler<OperationAuthorizationRequirement, ApplicationResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement,
        ApplicationResource resource)
    {
        if (context.User.Identity?.IsAuthenticated != true || (requirement != ApplicationOperations.View && requirement != ApplicationOperations.Edit))
        {
            return;
        }
        if (requirement == ApplicationOperations.View && (context.User.IsProgramStaff()))
        {
            context.Succeed(requirement);
            return;
        }
        var userId = context.User.UserId();
        if (context.User.IsInRole(Roles.CompanyMember)
            && await db.Memberships.IsApprovedMemberAsync(userId, resource.OrganizationId))
        {
            context.Succeed(requirement);
        }
    }
}
