using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

public static class DirectoryApi
{
    public sealed record OrganizationItem(string BusinessNumber, string NameKo, string? NameEn, string? Region);
    public sealed record CertificationItem(string Code, DateOnly IssuedOn, DateOnly ExpiresOn, bool Valid);
    public sealed record ProductItem(int Id, string ProductCode, string MaterialCode, string NameKo, string? NameEn, OrganizationItem Organization,
        IReadOnlyList<CertificationItem> Certifications);
    /// <param name="TotalExact">False when the query matches more than <see cref="SearchProducts.CountCap"/> (1,000) products; <c>total</c> is then 1,000 ("at least").</param>
    /// <param name="DidYouMean">When nothing matched: the closest query that finds products, or null.</param>
    public sealed record ProductPage(int Total, bool TotalExact, IReadOnlyList<ProductItem> Items, string? DidYouMean = null);
    public sealed record MaterialItem(string Code, string NameKo, string NameEn, string CategoryKo, string CategoryEn, string? HsCode, int? LocalizationTargetYear);
    public sealed record OrganizationDetails(string BusinessNumber, string Kind, string NameKo, string? NameEn, string? RegionKo, string? RegionEn,
        int? Employees, int? FoundedYear, string? Website, int Products);

    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Directory").AllowAnonymous();
        group.MapGet("/products", SearchAsync).WithName("SearchProducts");
        group.MapGet("/organizations/{businessNumber}", GetOrganizationAsync).WithName("GetOrganization");
        group.MapGet("/materials", ListMaterialsAsync).WithName("ListMaterials");
        app.MapGet("/directory/documents/{id:int}", DownloadDocumentAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Relevance first when q is given; <c>cert</c> keeps products holding that certificate valid today (KST).</summary>
    private static async Task<Results<Ok<ProductPage>, ValidationProblem>> SearchAsync(SearchProducts search, string? q, int? category, string? material,
        string? cert, string? region, bool? target, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
        {
            errors["page"] = ["page must be at least 1"];
        }
        if (pageSize is < 1 or > Paging.MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {Paging.MaxPageSize}"];
        }
        if (q?.Length > 200)
        {
            errors["q"] = ["q must be at most 200 characters"];
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        var (p, size) = Paging.Clamp(page, pageSize);
        var result = await search.HandleAsync(new SearchProducts.Query(q, category, material, cert, region, target, SearchProducts.Sort.Relevance, p, size, WithFacets: false),
            cancellationToken);
        return TypedResults.Ok(new ProductPage(result.Page.Total, result.TotalExact, result.Page.Items.Select(r => new ProductItem(r.Id, r.ProductCode, r.MaterialCode,
            r.NameKo, r.NameEn, new OrganizationItem(BusinessNumber.Format(r.Organization.BusinessNumber), r.Organization.NameKo, r.Organization.NameEn, r.Organization.RegionKo),
            r.Certifications.Select(c => new CertificationItem(c.Code, c.IssuedOn, c.ExpiresOn, c.IssuedOn <= result.Today && result.Today <= c.ExpiresOn)).ToList())).ToList(),
            result.Suggestion));
    }

    private static async Task<Results<Ok<OrganizationDetails>, ValidationProblem>> GetOrganizationAsync(AppDbContext db, string businessNumber,
        CancellationToken cancellationToken)
    {
        if (!BusinessNumber.TryParse(businessNumber, out var number))
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["businessNumber"] = ["not a valid business registration number"] });
        }
        var digits = number.Value.Digits;
        var organization = await db.Organizations.AsNoTracking().Where(o => o.BusinessNumber == digits)
            .Select(o => new OrganizationDetails(o.BusinessNumber, o.Kind.ToString(), o.NameKo, o.NameEn, o.RegionKo, o.RegionEn, o.Employees, o.FoundedYear,
                o.Website, db.Products.Count(p => p.OrganizationId == o.Id)))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("organization");
        return TypedResults.Ok(organization with { BusinessNumber = number.Value.ToString() });
    }

    /// <summary>A product document, public like the directory; always a download, never rendered in the site's origin.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadDocumentAsync(AppDbContext db, int id, CancellationToken cancellationToken)
    {
        var document = await db.ProductDocuments.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d.File.FileName, d.File.Type, d.File.Content.Bytes }).SingleOrDefaultAsync(cancellationToken);
        return document is null
            ? TypedResults.NotFound()
            : TypedResults.File(document.Bytes, FileTypes.ContentType(document.Type), document.FileName);
    }

    private static async Task<Ok<List<MaterialItem>>> ListMaterialsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Materials.AsNoTracking().OrderBy(m => m.Code)
            .Select(m => new MaterialItem(m.Code, m.NameKo, m.NameEn, m.Category.NameKo, m.Category.NameEn, m.HsCode, m.LocalizationTargetYear))
            .ToListAsync(cancellationToken));
}
