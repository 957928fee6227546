using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>The ranked matches of the directory's products for a need, for many needs at once, and from a supplier's side.</summary>
public sealed class MatchNeeds(AppDbContext db, TimeProvider clock)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>A public or invited need one of the supplier's products matches, with its best-matching product.</summary>
    public sealed record SupplierMatch(int NeedId, string Title, string BuyerKo, string MaterialCode, string ProductCode, int Score, bool Interested,
        string? BuyerEn = null);

    /// <summary>The ranked matches of a need the caller may see; null when they may not (or it does not exist).</summary>
    public async Task<IReadOnlyList<Match>?> VisibleAsync(int id, Guid? viewerId, int limit, CancellationToken cancellationToken)
    {
        var need = await (await db.VisibleNeedsAsync(viewerId, cancellationToken)).SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        return need is null ? null : await HandleAsync(need, limit, cancellationToken);
    }

    /// <summary>
    /// Loads the products of the need's material category that hold every required certificate valid today (the
    /// database filters those), then ranks them in memory by <see cref="Matching"/>.
    /// </summary>
    public async Task<IReadOnlyList<Match>> HandleAsync(Need need, int limit, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToKst().Date);
        var categoryId = await db.Materials.Where(m => m.Id == need.MaterialId).Select(m => m.CategoryId).SingleAsync(cancellationToken);
        var category = await LoadCategoryAsync(categoryId, need.RequiredCertificates, today, cancellationToken);
        return Matching.Rank(need, category.Materials, category.Products.Select(p => p.For(need.BuyerId)), today, limit);
    }

    /// <summary>
    /// Matches many needs at once (a nightly run, the benchmark): each material category's products are loaded once and
    /// every need of that category is ranked against them; the results equal <see cref="HandleAsync"/>'s.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<Match>>> AllAsync(IReadOnlyList<Need> needs, int limit, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToKst().Date);
        var categories = await db.Materials.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.CategoryId, cancellationToken);
        var results = new Dictionary<int, IReadOnlyList<Match>>();
        foreach (var group in needs.GroupBy(n => categories[n.MaterialId]))
        {
            var category = await LoadCategoryAsync(group.Key, [], today, cancellationToken);
            foreach (var need in group)
            {
                results[need.Id] = Matching.Rank(need, category.Materials, category.Products.Select(p => p.For(need.BuyerId)), today, limit);
            }
        }
        return results;
    }

    /// <summary>A product as loaded for matching, with every buyer's shared decision (each need leaves out its own buyer's).</summary>
    private sealed record Loaded(Candidate Candidate, IReadOnlyList<(int BuyerId, QualificationDecision Decision)> Shared)
    {
        public Candidate For(int buyerId) => Candidate with
        {
            SharedApprovals = Shared.Count(s => s.BuyerId != buyerId && s.Decision == QualificationDecision.Approved),
            SharedConditionals = Shared.Count(s => s.BuyerId != buyerId && s.Decision == QualificationDecision.Conditional),
        };
    }

    private async Task<(IReadOnlySet<int> Materials, IReadOnlyList<Loaded> Products)> LoadCategoryAsync(int categoryId, IReadOnlyList<string> requiredCertificates,
        DateOnly today, CancellationToken cancellationToken)
    {
        var materials = await db.Materials.AsNoTracking().Where(m => m.CategoryId == categoryId).ToDictionaryAsync(m => m.Id, cancellationToken);
        // Scalar parameters only (the category, each certificate code), so EF Core compiles each shape of this query once.
        var products = db.Products.AsNoTracking().Where(p => p.Material.CategoryId == categoryId);
        foreach (var code in requiredCertificates)
        {
            // An uncorrelated IN (one pass over the code's certificates), not EXISTS per product: SQLite would answer that
            // through the (Code, ExpiresOn) index, scanning every certificate with the code for every product.
            var holders = db.ProductCertificates.Where(c => c.Code == code && c.IssuedOn <= today && c.ExpiresOn >= today).Select(c => c.ProductId);
            products = products.Where(p => holders.Contains(p.Id));
        }
        // Flat queries, each a join on the same filtered products: much cheaper than one query with three collections.
        var ids = products.Select(p => p.Id);
        var rows = await products.Select(p => new
            {
                p.Id, p.Code, p.NameKo, p.NameEn, p.MaterialId, p.Organization.BusinessNumber, SupplierKo = p.Organization.NameKo, SupplierEn = p.Organization.NameEn,
                p.Organization.RegionKo, p.Organization.RegionEn,
            })
            .ToListAsync(cancellationToken);
        // Grouped by product in one pass each (this is the hot loop of a batch: hundreds of thousands of rows).
        var specifications = new Dictionary<int, Dictionary<string, string>>();
        foreach (var spec in await db.Set<ProductSpecification>().AsNoTracking().Where(s => ids.Contains(s.ProductId))
                     .Select(s => new { s.ProductId, s.Key, s.Value }).ToListAsync(cancellationToken))
        {
            (specifications.TryGetValue(spec.ProductId, out var own) ? own : specifications[spec.ProductId] = new Dictionary<string, string>()).TryAdd(spec.Key, spec.Value);
        }
        var certificates = new Dictionary<int, List<(string, DateOnly, DateOnly)>>();
        foreach (var c in await db.ProductCertificates.AsNoTracking().Where(c => ids.Contains(c.ProductId))
                     .Select(c => new { c.ProductId, c.Code, c.IssuedOn, c.ExpiresOn }).ToListAsync(cancellationToken))
        {
            (certificates.TryGetValue(c.ProductId, out var own) ? own : certificates[c.ProductId] = []).Add((c.Code, c.IssuedOn, c.ExpiresOn));
        }
        var documents = (await db.ProductDocuments.AsNoTracking().Where(d => ids.Contains(d.ProductId))
            .Select(d => new { d.ProductId, d.Kind }).ToListAsync(cancellationToken)).ToLookup(d => d.ProductId);
        var shared = (await db.Qualifications.AsNoTracking()
                .Where(q => q.Shared && ids.Contains(q.ProductId) && (q.Decision == QualificationDecision.Approved || q.Decision == QualificationDecision.Conditional))
                .Select(q => new { q.ProductId, q.BuyerId, q.Decision }).ToListAsync(cancellationToken))
            .ToLookup(q => q.ProductId);
        IReadOnlyDictionary<string, string> noSpecifications = new Dictionary<string, string>();
        IReadOnlySet<DocumentKind> noDocuments = new HashSet<DocumentKind>();
        var loaded = rows.Select(r => new Loaded(
            new Candidate(r.Id, r.Code, r.NameKo, r.BusinessNumber, r.SupplierKo, r.RegionKo, r.MaterialId, materials[r.MaterialId].Code,
                specifications.TryGetValue(r.Id, out var own) ? own : noSpecifications,
                certificates.TryGetValue(r.Id, out var held) ? held : [],
                documents.Contains(r.Id) ? documents[r.Id].Select(d => d.Kind).ToHashSet() : noDocuments, NameEn: r.NameEn, SupplierEn: r.SupplierEn, RegionEn: r.RegionEn,
                MaterialKo: materials[r.MaterialId].NameKo, MaterialEn: materials[r.MaterialId].NameEn),
            shared.Contains(r.Id) ? shared[r.Id].Select(q => (q.BuyerId, q.Decision)).ToList() : [])).ToList();
        return (materials.Keys.ToHashSet(), loaded);
    }

    /// <summary>
    /// Open needs the member's supplier organizations may see that one of their products matches (hard requirements
    /// met), each with the best of their products; ranks only the supplier's own products, so it stays cheap.
    /// </summary>
    public async Task<IReadOnlyList<SupplierMatch>> ForSupplierAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var suppliers = (await db.OrganizationsOfAsync(memberId, OrganizationKind.Supplier, cancellationToken)).Select(o => o.Id).ToList();
        if (suppliers.Count == 0)
        {
            return [];
        }
        var needs = await (await db.VisibleNeedsAsync(memberId, cancellationToken)).Where(n => n.Status == NeedStatus.Open).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToKst().Date);
        var products = await db.Products.AsNoTracking().Where(p => suppliers.Contains(p.OrganizationId))
            .Select(p => new
            {
                p.Id, p.Code, p.NameKo, p.MaterialId, MaterialCode = p.Material.Code, p.Material.CategoryId, p.Organization.BusinessNumber, SupplierKo = p.Organization.NameKo,
                p.Organization.RegionKo, Specifications = p.Specifications.Select(s => new { s.Key, s.Value }).ToList(),
                Certificates = p.Certificates.Select(c => new { c.Code, c.IssuedOn, c.ExpiresOn }).ToList(), Documents = p.Documents.Select(d => d.Kind).ToList(),
            }).AsSplitQuery().ToListAsync(cancellationToken);
        var categories = await db.Materials.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.CategoryId, cancellationToken);
        var interested = (await db.NeedInterests.Where(i => suppliers.Contains(i.SupplierId)).Select(i => i.NeedId).ToListAsync(cancellationToken)).ToHashSet();
        var buyers = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Buyer).ToDictionaryAsync(o => o.Id, o => (o.NameKo, o.NameEn), cancellationToken);
        var result = new List<SupplierMatch>();
        foreach (var need in needs)
        {
            var best = products.Where(p => p.CategoryId == categories[need.MaterialId])
                .Select(p => Matching.Evaluate(need, new Candidate(p.Id, p.Code, p.NameKo, p.BusinessNumber, p.SupplierKo, p.RegionKo, p.MaterialId, p.MaterialCode,
                    p.Specifications.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.First().Value), p.Certificates.Select(c => (c.Code, c.IssuedOn, c.ExpiresOn)).ToList(),
                    p.Documents.ToHashSet()), today))
                .OfType<Match>().OrderByDescending(m => m.Score).ThenBy(m => m.Product.ProductId).FirstOrDefault();
            if (best is not null)
            {
                var buyer = buyers.GetValueOrDefault(need.BuyerId, ("", null));
                result.Add(new SupplierMatch(need.Id, need.Title, buyer.NameKo, best.Product.MaterialCode, best.Product.ProductCode, best.Score,
                    interested.Contains(need.Id), buyer.NameEn));
            }
        }
        return result.OrderByDescending(r => r.Score).ThenBy(r => r.NeedId).ToList();
    }
}
