using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

/// <summary>
/// The directory search: a Korean/English query through the database's own engine (every word must match,
/// in any order), filters, facet counts over the filtered result, sorting and paging.
/// </summary>
public sealed class SearchProducts(AppDbContext db, TimeProvider clock)
{
    public enum Sort
    {
        Relevance,
        Name,
        Updated,
    }

    public sealed record Query(string? Q = null, int? Category = null, string? Material = null, string? Cert = null, string? Region = null,
        bool? Target = null, Sort SortBy = Sort.Relevance, int Page = 1, int PageSize = 20, bool WithFacets = true);

    public sealed record OrganizationRow(string BusinessNumber, string NameKo, string? NameEn, string? RegionKo, string? RegionEn);
    public sealed record CertificateRow(string Code, DateOnly IssuedOn, DateOnly ExpiresOn);
    public sealed record Row(int Id, string ProductCode, string MaterialCode, string NameKo, string? NameEn, OrganizationRow Organization,
        IReadOnlyList<CertificateRow> Certifications, DateTimeOffset UpdatedAt);
    public sealed record FacetValue(string Value, string LabelKo, string LabelEn, int Count);
    public sealed record Facets(IReadOnlyList<FacetValue> Categories, IReadOnlyList<FacetValue> Materials, IReadOnlyList<FacetValue> Certifications,
        IReadOnlyList<FacetValue> Regions, IReadOnlyList<FacetValue> Target);
    /// <param name="TotalExact">False when more than <see cref="CountCap"/> products match a plain query: the total is then "more than".</param>
    public sealed record Result(PagedList<Row> Page, Facets Facets, DateOnly Today, bool TotalExact = true);

    /// <summary>A plain query counts matches up to this many; past it, the count says "more than" (ADR 006).</summary>
    public const int CountCap = 1_000;

    private sealed class Hit
    {
        public Product Product { get; init; } = null!;
        public double Rank { get; init; }
    }

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToKst().DateTime);

    public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var terms = SearchAnalyzer.Query(query.Q);
        // One connection for the four or five queries of a search, instead of taking one from the pool for each.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var filtered = query.Category is not null || !string.IsNullOrWhiteSpace(query.Material) || !string.IsNullOrWhiteSpace(query.Cert)
            || !string.IsNullOrWhiteSpace(query.Region) || query.Target is not null;
        int total;
        var exact = true;
        List<int> ids;
        IQueryable<Hit>? hits = null;
        if (terms.Count > 0 && !filtered && query.SortBy == Sort.Relevance)
        {
            // The common case, a plain query by relevance: the engine counts, ranks and pages on its own, and the
            // filtered LINQ query is not even built (it cost a quarter of a millisecond per request).
            var matches = await ProductSearch.CountAsync(db, terms, CountCap, cancellationToken);
            ids = await ProductSearch.TopAsync(db, terms, matches, CountCap, (query.Page - 1) * query.PageSize, query.PageSize, cancellationToken);
            (total, exact) = matches > CountCap ? (CountCap, false) : (matches, true);
        }
        else
        {
            hits = Hits(query, terms, today);
            total = await hits.CountAsync(cancellationToken);
            var ordered = query.SortBy switch
            {
                Sort.Name => hits.OrderBy(h => h.Product.NameKo).ThenBy(h => h.Product.Id),
                Sort.Updated => hits.OrderByDescending(h => h.Product.UpdatedAt).ThenBy(h => h.Product.Id),
                _ when terms.Count == 0 => hits.OrderByDescending(h => h.Product.UpdatedAt).ThenBy(h => h.Product.Id),
                _ => hits.OrderBy(h => h.Rank).ThenBy(h => h.Product.Id),
            };
            // Page the ids first (the engine's rank cannot correlate a collection), then load those rows.
            ids = await ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(h => h.Product.Id).ToListAsync(cancellationToken);
        }
        var rows = await LoadRowsAsync(db, ids, cancellationToken);

        var facets = query.WithFacets
            ? await FacetsAsync((hits ?? Hits(query, terms, today)).Select(h => h.Product), today, cancellationToken)
            : new Facets([], [], [], [], []);
        return new Result(new PagedList<Row>(rows, total, query.Page, query.PageSize), facets, today, exact);
    }

    /// <summary>The products matching the query's words and filters, with the engine's rank; composable.</summary>
    private IQueryable<Hit> Hits(Query query, IReadOnlyList<SearchAnalyzer.Term> terms, DateOnly today)
    {
        var hits = terms.Count == 0
            ? db.Products.Select(p => new Hit { Product = p, Rank = 0 })
            : from p in db.Products
              join r in ProductSearch.Match(db, terms) on p.Id equals r.Id
              select new Hit { Product = p, Rank = r.Rank };

        if (query.Category is int category)
        {
            hits = hits.Where(h => h.Product.Material.CategoryId == category);
        }
        if (!string.IsNullOrWhiteSpace(query.Material))
        {
            hits = hits.Where(h => h.Product.Material.Code == query.Material);
        }
        if (!string.IsNullOrWhiteSpace(query.Cert))
        {
            hits = hits.Where(h => h.Product.Certificates.Any(c => c.Code == query.Cert && c.IssuedOn <= today && c.ExpiresOn >= today));
        }
        if (!string.IsNullOrWhiteSpace(query.Region))
        {
            hits = hits.Where(h => h.Product.Organization.RegionKo == query.Region);
        }
        if (query.Target is bool target)
        {
            hits = hits.Where(h => (h.Product.Material.LocalizationTargetYear != null) == target);
        }
        return hits;
    }

    /// <summary>
    /// The rows of a page of product ids, in that order: two plain lookups by id (one query with the certificates joined
    /// in cost twice as much to plan and run).
    /// </summary>
    public static async Task<List<Row>> LoadRowsAsync(AppDbContext db, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var certificates = (await db.ProductCertificates.AsNoTracking().Where(c => ids.Contains(c.ProductId))
                .Select(c => new { c.ProductId, Row = new CertificateRow(c.Code, c.IssuedOn, c.ExpiresOn) }).ToListAsync(cancellationToken))
            .ToLookup(c => c.ProductId, c => c.Row);
        var loaded = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new Row(p.Id, p.Code, p.Material.Code, p.NameKo, p.NameEn,
                new OrganizationRow(p.Organization.BusinessNumber, p.Organization.NameKo, p.Organization.NameEn, p.Organization.RegionKo, p.Organization.RegionEn),
                Array.Empty<CertificateRow>(), p.UpdatedAt))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        return ids.Select(id => loaded[id] with { Certifications = certificates[id].OrderBy(c => c.Code, StringComparer.Ordinal).ToList() }).ToList();
    }

    /// <summary>Counts over the filtered result, one grouped query per facet.</summary>
    private async Task<Facets> FacetsAsync(IQueryable<Product> products, DateOnly today, CancellationToken cancellationToken)
    {
        var categories = await products.GroupBy(p => new { p.Material.CategoryId, p.Material.Category.NameKo, p.Material.Category.NameEn })
            .Select(g => new { g.Key.CategoryId, g.Key.NameKo, g.Key.NameEn, Count = g.Count() }).ToListAsync(cancellationToken);
        var materials = await products.GroupBy(p => new { p.Material.Code, p.Material.NameKo, p.Material.NameEn })
            .Select(g => new { g.Key.Code, g.Key.NameKo, g.Key.NameEn, Count = g.Count() }).ToListAsync(cancellationToken);
        var certificates = await db.ProductCertificates
            .Where(c => c.IssuedOn <= today && c.ExpiresOn >= today && products.Any(p => p.Id == c.ProductId))
            .GroupBy(c => c.Code).Select(g => new { Code = g.Key, Count = g.Select(c => c.ProductId).Distinct().Count() }).ToListAsync(cancellationToken);
        var regions = await products.Where(p => p.Organization.RegionKo != null)
            .GroupBy(p => new { p.Organization.RegionKo, p.Organization.RegionEn })
            .Select(g => new { g.Key.RegionKo, g.Key.RegionEn, Count = g.Count() }).ToListAsync(cancellationToken);
        var target = await products.GroupBy(p => p.Material.LocalizationTargetYear != null)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        static List<FacetValue> Ordered(IEnumerable<FacetValue> values) =>
            values.OrderByDescending(v => v.Count).ThenBy(v => v.LabelKo, StringComparer.Ordinal).ToList();

        return new Facets(
            Ordered(categories.Select(c => new FacetValue(c.CategoryId.ToString(System.Globalization.CultureInfo.InvariantCulture), c.NameKo, c.NameEn, c.Count))),
            Ordered(materials.Select(m => new FacetValue(m.Code, m.NameKo, m.NameEn, m.Count))),
            Ordered(certificates.Select(c => new FacetValue(c.Code, c.Code, c.Code, c.Count))),
            Ordered(regions.Select(r => new FacetValue(r.RegionKo!, r.RegionKo!, r.RegionEn ?? r.RegionKo!, r.Count))),
            target.OrderByDescending(t => t.Key).Select(t => new FacetValue(t.Key ? "true" : "false", "", "", t.Count)).ToList());
    }
}
