using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

/// <summary>Membership requests for program staff, pending first; and a member's own memberships.</summary>
public sealed class ListMemberships(AppDbContext db)
{
    public sealed record Row(int Id, MembershipStatus Status, DateTimeOffset RequestedAt, string? Reason, Guid UserId, string Email, string DisplayName,
        string? ClaimedCompany, string BusinessNumber, string OrganizationKo, string? OrganizationEn);

    public sealed record Mine(int Id, int OrganizationId, MembershipStatus Status, DateTimeOffset RequestedAt, string? Reason, string BusinessNumber,
        string OrganizationKo, string? OrganizationEn);

    public async Task<PagedList<Row>> HandleAsync(MembershipStatus? status, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var memberships = db.Memberships.AsNoTracking().Where(m => status == null || m.Status == status);
        var rows = await (from m in memberships
                          join u in db.Users on m.UserId equals u.Id
                          orderby m.Status == MembershipStatus.Pending ? 0 : 1, m.RequestedAt descending, m.Id
                          select new Row(m.Id, m.Status, m.RequestedAt, m.Reason, u.Id, u.Email!, u.DisplayName, u.CompanyName, m.Organization.BusinessNumber,
                              m.Organization.NameKo, m.Organization.NameEn))
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedList<Row>(rows, await memberships.CountAsync(cancellationToken), page, pageSize);
    }

    public Task<List<Mine>> ForMemberAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.Memberships.AsNoTracking().Where(m => m.UserId == userId).OrderByDescending(m => m.RequestedAt)
            .Select(m => new Mine(m.Id, m.OrganizationId, m.Status, m.RequestedAt, m.Reason, m.Organization.BusinessNumber, m.Organization.NameKo,
                m.Organization.NameEn))
            .ToListAsync(cancellationToken);
}
