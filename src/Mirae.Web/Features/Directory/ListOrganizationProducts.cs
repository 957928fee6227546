using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Directory;

/// <summary>An organization's products for its members' own page, with certificates to flag and document counts.</summary>
public sealed class ListOrganizationProducts(AppDbContext db)
{
    public sealed record Row(int Id, string Code, string NameKo, string? NameEn, string MaterialCode, IReadOnlyList<SearchProducts.CertificateRow> Certificates,
        int Documents, DateTimeOffset UpdatedAt);

    public Task<List<Row>> HandleAsync(int organizationId, CancellationToken cancellationToken = default) =>
        db.Products.AsNoTracking().Where(p => p.OrganizationId == organizationId).OrderBy(p => p.Code).Take(1000)
            .Select(p => new Row(p.Id, p.Code, p.NameKo, p.NameEn, p.Material.Code,
                p.Certificates.OrderBy(c => c.ExpiresOn).Select(c => new SearchProducts.CertificateRow(c.Code, c.IssuedOn, c.ExpiresOn)).ToList(),
                p.Documents.Count, p.UpdatedAt))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
}
