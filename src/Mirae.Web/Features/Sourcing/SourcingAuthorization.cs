using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>The organization a member acts for in sourcing, as the resource of an authorization check.</summary>
public sealed record SourcingResource(int OrganizationId);

public static class SourcingOperations
{
    /// <summary>Post needs, record qualifications, acknowledge change notices: an approved member of a buyer.</summary>
    public static readonly OperationAuthorizationRequirement ActAsBuyer = new() { Name = nameof(ActAsBuyer) };

    /// <summary>Express interest in needs, file change notices: an approved member of a supplier.</summary>
    public static readonly OperationAuthorizationRequirement ActAsSupplier = new() { Name = nameof(ActAsSupplier) };

    /// <summary>Book a consultation slot: an approved member of a buyer or a supplier.</summary>
    public static readonly OperationAuthorizationRequirement Book = new() { Name = nameof(Book) };
}

/// <summary>Who may act for an organization in sourcing: its approved members, on the side its kind allows.</summary>
public sealed class SourcingAuthorizationHandler(AppDbContext db) : AuthorizationHandler<OperationAuthorizationRequirement, SourcingResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement,
        SourcingResource resource)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }
        var kind = await db.Organizations.Where(o => o.Id == resource.OrganizationId).Select(o => (OrganizationKind?)o.Kind).SingleOrDefaultAsync();
        var allowed = requirement == SourcingOperations.ActAsBuyer ? kind == OrganizationKind.Buyer
            : requirement == SourcingOperations.ActAsSupplier ? kind == OrganizationKind.Supplier
            : requirement == SourcingOperations.Book && kind is OrganizationKind.Buyer or OrganizationKind.Supplier;
        if (allowed && await db.Memberships.IsApprovedMemberAsync(context.User.UserId(), resource.OrganizationId))
        {
            context.Succeed(requirement);
        }
    }
}

public static class SourcingAuthorizationExtensions
{
    /// <summary>
    /// Authorizes the member for the organization; when refused, the page shows <paramref name="messageKey"/> where the form
    /// is (a <see cref="ProblemKind.Forbidden"/> rule) rather than the access-denied page, since the member chose the organization in the form.
    /// </summary>
    public static async Task RequireAsync(this IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user, int organizationId,
        OperationAuthorizationRequirement operation, string code, string messageKey)
    {
        if (!(await authorization.AuthorizeAsync(user, new SourcingResource(organizationId), operation)).Succeeded)
        {
            throw new DomainException(code, messageKey, ProblemKind.Forbidden);
        }
    }
}
