using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Directory;

/// <summary>A product with its specifications, certificates and the supplier's other products.</summary>
public sealed class GetProduct(AppDbContext db)
{
    public sealed record Details(int Id, string Code, string NameKo, string? NameEn, string? DescriptionKo, string? DescriptionEn,
        string MaterialCode, string MaterialKo, string MaterialEn, string CategoryKo, string CategoryEn, int? TargetYear,
        SearchProducts.OrganizationRow Supplier, IReadOnlyList<KeyValuePair<string, string>> Specifications,
        IReadOnlyList<SearchProducts.CertificateRow> Certificates, IReadOnlyList<DocumentRow> Documents, DateTimeOffset UpdatedAt,
        IReadOnlyList<OtherProduct> OtherProducts, int OrganizationId);

    public sealed record DocumentRow(int Id, DocumentKind Kind, string FileName, long Length, string Sha256, DateTimeOffset UploadedAt);

    public sealed record OtherProduct(int Id, string NameKo, string? NameEn, string MaterialCode);

    public async Task<Details?> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        var product = await db.Products.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new
            {
                p.Id, p.Code, p.NameKo, p.NameEn, p.DescriptionKo, p.DescriptionEn, p.OrganizationId,
                MaterialCode = p.Material.Code, MaterialKo = p.Material.NameKo, MaterialEn = p.Material.NameEn,
                CategoryKo = p.Material.Category.NameKo, CategoryEn = p.Material.Category.NameEn, p.Material.LocalizationTargetYear,
                Supplier = new SearchProducts.OrganizationRow(p.Organization.BusinessNumber, p.Organization.NameKo, p.Organization.NameEn,
                    p.Organization.RegionKo, p.Organization.RegionEn),
                Specifications = p.Specifications.OrderBy(s => s.Position).Select(s => new KeyValuePair<string, string>(s.Key, s.Value)).ToList(),
                Certificates = p.Certificates.OrderBy(c => c.Code).Select(c => new SearchProducts.CertificateRow(c.Code, c.IssuedOn, c.ExpiresOn)).ToList(),
                Documents = p.Documents.OrderBy(d => d.Kind).ThenBy(d => d.UploadedAt)
                    .Select(d => new DocumentRow(d.Id, d.Kind, d.File.FileName, d.File.Length, d.File.Sha256, d.UploadedAt)).ToList(),
                p.UpdatedAt,
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            return null;
        }
        var others = await db.Products.AsNoTracking().Where(p => p.OrganizationId == product.OrganizationId && p.Id != id)
            .OrderBy(p => p.NameKo).Take(20).Select(p => new OtherProduct(p.Id, p.NameKo, p.NameEn, p.Material.Code)).ToListAsync(cancellationToken);
        return new Details(product.Id, product.Code, product.NameKo, product.NameEn, product.DescriptionKo, product.DescriptionEn, product.MaterialCode,
            product.MaterialKo, product.MaterialEn, product.CategoryKo, product.CategoryEn, product.LocalizationTargetYear, product.Supplier,
            product.Specifications, product.Certificates, product.Documents, product.UpdatedAt, others, product.OrganizationId);
    }
}

/// <summary>An organization with its products.</summary>
public sealed class GetOrganization(AppDbContext db)
{
    public sealed record Details(Organization Organization, IReadOnlyList<GetProduct.OtherProduct> Products, int ProductCount);

    public async Task<Details?> HandleAsync(string digits, CancellationToken cancellationToken = default)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.BusinessNumber == digits, cancellationToken);
        if (organization is null)
        {
            return null;
        }
        var products = db.Products.AsNoTracking().Where(p => p.OrganizationId == organization.Id);
        return new Details(organization,
            await products.OrderBy(p => p.NameKo).Take(100).Select(p => new GetProduct.OtherProduct(p.Id, p.NameKo, p.NameEn, p.Material.Code)).ToListAsync(cancellationToken),
            await products.CountAsync(cancellationToken));
    }
}
