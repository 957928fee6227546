using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>Change notices as the supplier and the addressed buyers see them, and a notice's document.</summary>
public sealed class ListChangeNotices(AppDbContext db)
{
    public sealed record NoticeRow(int Id, int ProductId, string ProductCode, string ProductKo, string SupplierKo, ChangeCategory Category, string Description,
        string AffectedLots, DateOnly EffectiveOn, DateTimeOffset FiledAt, IReadOnlyList<(int BuyerId, string BuyerKo, DateTimeOffset? AcknowledgedAt)> Buyers,
        string? DocumentName);

    /// <summary>A notice's document, for the supplier's members and the addressed buyers' members only; null otherwise.</summary>
    public async Task<(string FileName, FileType Type, byte[] Bytes)?> DocumentAsync(int noticeId, Guid memberId, CancellationToken cancellationToken)
    {
        var mine = db.ApprovedOrganizationIds(memberId);
        var file = await db.ChangeNotices.AsNoTracking()
            .Where(n => n.Id == noticeId && n.File != null
                && (db.Products.Any(p => p.Id == n.ProductId && mine.Contains(p.OrganizationId)) || n.Acknowledgements.Any(a => mine.Contains(a.BuyerId))))
            .Select(n => new { n.File!.FileName, n.File.Type, n.File.Content.Bytes }).SingleOrDefaultAsync(cancellationToken);
        return file is null ? null : (file.FileName, file.Type, file.Bytes);
    }

    /// <summary>Change notices addressed to the member's buyer organizations, or filed for their supplier organizations' products.</summary>
    public async Task<IReadOnlyList<NoticeRow>> NoticesAsync(Guid memberId, bool asSupplier, CancellationToken cancellationToken)
    {
        var mine = db.ApprovedOrganizationIds(memberId);
        var notices = db.ChangeNotices.AsNoTracking().Where(n => asSupplier
            ? db.Products.Any(p => p.Id == n.ProductId && mine.Contains(p.OrganizationId))
            : n.Acknowledgements.Any(a => mine.Contains(a.BuyerId)));
        var rows = await (from n in notices
                          join p in db.Products on n.ProductId equals p.Id
                          orderby n.FiledAt descending, n.Id descending
                          select new
                          {
                              n.Id, n.ProductId, p.Code, p.NameKo, SupplierKo = p.Organization.NameKo, n.Category, n.Description, n.AffectedLots, n.EffectiveOn, n.FiledAt,
                              DocumentName = n.File != null ? n.File.FileName : null,
                              Buyers = n.Acknowledgements.Join(db.Organizations, a => a.BuyerId, o => o.Id, (a, o) => new { a.BuyerId, o.NameKo, a.AcknowledgedAt }).ToList(),
                          }).ToListAsync(cancellationToken);
        var myIds = await mine.ToListAsync(cancellationToken);
        return rows.Select(r => new NoticeRow(r.Id, r.ProductId, r.Code, r.NameKo, r.SupplierKo, r.Category, r.Description, r.AffectedLots, r.EffectiveOn, r.FiledAt,
            // A buyer sees only its own acknowledgement; the supplier sees every addressed buyer.
            r.Buyers.Where(b => asSupplier || myIds.Contains(b.BuyerId)).Select(b => (b.BuyerId, b.NameKo, b.AcknowledgedAt)).ToList(), r.DocumentName)).ToList();
    }
}
