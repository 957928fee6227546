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
}
