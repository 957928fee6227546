using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

public static class SourcingMembers
{
    /// <summary>The organizations the member acts for (approved memberships), as a query to compose.</summary>
    public static IQueryable<int> ApprovedOrganizationIds(this AppDbContext db, Guid memberId) =>
        db.Memberships.Where(m => m.UserId == memberId && m.Status == MembershipStatus.Approved).Select(m => m.OrganizationId);

    /// <summary>Refuses unless the member acts for the organization and it is of the given kind (a buyer records, a supplier files).</summary>
    public static async Task RequireSourcingMemberAsync(this AppDbContext db, int organizationId, OrganizationKind kind, Guid memberId,
        CancellationToken cancellationToken)
    {
        if (!await db.Memberships.IsApprovedMemberAsync(memberId, organizationId, cancellationToken)
            || !await db.Organizations.AnyAsync(o => o.Id == organizationId && o.Kind == kind, cancellationToken))
        {
            throw new DomainException("supply.not-member", kind == OrganizationKind.Buyer ? "Need.NotBuyer" : "Change.NotSupplier", ProblemKind.Forbidden);
        }
    }
}
