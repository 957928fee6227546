using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>Who sees which needs, and the material choices of the need and session forms.</summary>
public static class NeedQueries
{
    /// <summary>Public needs for everyone; invited-only ones for the buyer's members, the invited suppliers' members and staff.</summary>
    public static async Task<IQueryable<Need>> VisibleNeedsAsync(this AppDbContext db, Guid? viewerId, CancellationToken cancellationToken)
    {
        if (viewerId is not { } userId)
        {
            return db.Needs.AsNoTracking().Where(n => n.Visibility == NeedVisibility.Public);
        }
        if (await db.IsProgramStaffAsync(userId, cancellationToken))
        {
            return db.Needs.AsNoTracking();
        }
        var mine = db.Memberships.Where(m => m.UserId == userId && m.Status == MembershipStatus.Approved);
        var myOrganizations = mine.Select(m => m.OrganizationId);
        var myNumbers = mine.Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => o.BusinessNumber);
        return db.Needs.AsNoTracking().Where(n => n.Visibility == NeedVisibility.Public || myOrganizations.Contains(n.BuyerId)
            || n.Invitations.Any(i => myNumbers.Contains(i.BusinessNumber)));
    }

    /// <summary>Every material as a select option: "CODE · name" in the reader's language.</summary>
    public static async Task<IReadOnlyList<(int Id, string Label)>> MaterialOptionsAsync(this AppDbContext db, CancellationToken cancellationToken) =>
        (await db.Materials.AsNoTracking().OrderBy(m => m.Code).Select(m => new { m.Id, m.Code, m.NameKo, m.NameEn }).ToListAsync(cancellationToken))
            .Select(m => (m.Id, $"{m.Code} · {Language.Pick(m.NameKo, m.NameEn)}")).ToList();
}
