using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;

namespace Mirae.Web.Features.Directory;

/// <summary>An organization as the resource of an authorization check.</summary>
public sealed record OrganizationResource(int Id);

public static class OrganizationOperations
{
    /// <summary>Add and edit the organization's products, certificates and documents.</summary>
    public static readonly OperationAuthorizationRequirement ManageProducts = new() { Name = nameof(ManageProducts) };
}

/// <summary>
/// The one place that decides who may act for an organization: its members whose membership program
/// staff approved, and program staff themselves (who correct the directory).
/// </summary>
public sealed class OrganizationAuthorizationHandler(AppDbContext db)
    : AuthorizationHandler<OperationAuthorizationRequirement, OrganizationResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement,
        OrganizationResource resource)
    {
        if (requirement != OrganizationOperations.ManageProducts || context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }
        if (context.User.IsProgramStaff())
        {
            context.Succeed(requirement);
            return;
        }
        var userId = context.User.UserId();
        if (context.User.IsInRole(Roles.CompanyMember)
            && await db.Memberships.IsApprovedMemberAsync(userId, resource.Id))
        {
            context.Succeed(requirement);
        }
    }
}
