using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>The needs the viewer may see: open public ones for anyone, their own organizations', invitations, all for staff.</summary>
public sealed class ListNeeds(AppDbContext db)
{
    public sealed record Row(int Id, string Title, string BuyerKo, string MaterialCode, string MaterialKo, string MaterialEn, NeedVisibility Visibility, NeedStatus Status,
        DateOnly? NeededBy, DateTimeOffset UpdatedAt, string? BuyerEn = null);

    /// <summary>Open public needs, and every need the caller may see (their own organizations', invitations, all for staff).</summary>
    public async Task<(int Total, IReadOnlyList<Row> Items)> ListAsync(Guid? viewerId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var visible = await db.VisibleNeedsAsync(viewerId, cancellationToken);
        var total = await visible.CountAsync(cancellationToken);
        var query = from n in visible
                    join o in db.Organizations on n.BuyerId equals o.Id
                    join m in db.Materials on n.MaterialId equals m.Id
                    orderby n.Status, n.UpdatedAt descending, n.Id descending
                    select new Row(n.Id, n.Title, o.NameKo, m.Code, m.NameKo, m.NameEn, n.Visibility, n.Status, n.NeededBy, n.UpdatedAt, o.NameEn);
        return (total, await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken));
    }
}
