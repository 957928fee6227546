using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

/// <summary>A company member asks to act for an organization in the directory; program staff are notified.</summary>
public sealed class RequestMembership(AppDbContext db, UserManager<AppUser> users, AuditLog audit, Notify notify, TimeProvider clock)
{
    public sealed record Command(Guid UserId, string? BusinessNumber);

    public async Task<OrganizationMembership> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        if (!Accounts.BusinessNumber.TryParse(command.BusinessNumber, out var number))
        {
            throw new DomainException("membership.business-number-invalid", "Membership.BusinessNumberInvalid", ProblemKind.Invalid);
        }
        var user = await db.Users.SingleAsync(u => u.Id == command.UserId, cancellationToken);
        if (user.Kind != MemberKind.CompanyMember)
        {
            throw new DomainException("membership.not-company-member", "Membership.NotCompanyMember", ProblemKind.Forbidden);
        }
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.BusinessNumber == number.Value.Digits, cancellationToken)
            ?? throw new DomainException("membership.organization-unknown", "Membership.OrganizationUnknown", ProblemKind.NotFound);
        var now = clock.GetUtcNow();
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == user.Id && m.OrganizationId == organization.Id, cancellationToken);
        if (membership is null)
        {
            membership = OrganizationMembership.Request(organization, user.Id, now);
            db.Memberships.Add(membership);
        }
        else
        {
            membership.RequestAgain(now);
        }
        audit.Add(AuditActions.MembershipRequested, $"organization:{organization.BusinessNumber}", $"user:{user.Id}");
        var staff = (await users.GetUsersInRoleAsync(Roles.ProgramManager)).Concat(await users.GetUsersInRoleAsync(Roles.Administrator))
            .Select(u => u.Id).ToHashSet();
        await notify.AddAsync(staff, $"membership-requested:{organization.Id}:{user.Id}:{now.ToUnixTimeSeconds()}", "Notification.MembershipRequested",
            "/admin/memberships", [Notify.Both(organization.NameKo, organization.NameEn)], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return membership;
    }
}
