using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>One need the viewer may see, and the suppliers' interest in it for the buyer's members and staff.</summary>
public sealed class GetNeed(AppDbContext db)
{
    public sealed record Details(Need Need, string BuyerKo, string BuyerBusinessNumber, string MaterialCode, string MaterialKo, string MaterialEn, bool MayEdit,
        string? BuyerEn = null);

    public sealed record InterestRow(string SupplierKo, string BusinessNumber, string Message, DateTimeOffset At, string? SupplierEn = null);

    public async Task<Details?> HandleAsync(int id, Guid? viewerId, CancellationToken cancellationToken)
    {
        var row = await (from n in (await db.VisibleNeedsAsync(viewerId, cancellationToken)).Where(n => n.Id == id)
                         join o in db.Organizations on n.BuyerId equals o.Id
                         join m in db.Materials on n.MaterialId equals m.Id
                         select new { Need = n, o.NameKo, o.NameEn, o.BusinessNumber, m.Code, MaterialKo = m.NameKo, MaterialEn = m.NameEn }).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var mayEdit = viewerId is { } memberId && await db.Memberships.IsApprovedMemberAsync(memberId, row.Need.BuyerId, cancellationToken);
        return new Details(row.Need, row.NameKo, row.BusinessNumber, row.Code, row.MaterialKo, row.MaterialEn, mayEdit, row.NameEn);
    }

    /// <summary>The suppliers' interests in a need, for the buyer's members and staff only.</summary>
    public async Task<IReadOnlyList<InterestRow>> InterestsAsync(Details need, Guid? viewerId, CancellationToken cancellationToken) =>
        need.MayEdit || (viewerId is { } id && await db.IsProgramStaffAsync(id, cancellationToken))
            ? await db.NeedInterests.AsNoTracking().Where(i => i.NeedId == need.Need.Id).OrderBy(i => i.At).ThenBy(i => i.Id)
                .Join(db.Organizations, i => i.SupplierId, o => o.Id, (i, o) => new InterestRow(o.NameKo, o.BusinessNumber, i.Message, i.At, o.NameEn)).ToListAsync(cancellationToken)
            : [];
}
