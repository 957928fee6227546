using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>Buyers' needs: posting, who may see one, the list, and the ranked matches of the directory's products.</summary>
public sealed class Needs(AppDbContext db, AuditLog audit, Notifications.Notify notify, TimeProvider clock)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public sealed record Row(int Id, string Title, string BuyerKo, string MaterialCode, string MaterialKo, string MaterialEn, NeedVisibility Visibility, NeedStatus Status,
        DateOnly? NeededBy, DateTimeOffset UpdatedAt);

    public sealed record Details(Need Need, string BuyerKo, string BuyerBusinessNumber, string MaterialCode, string MaterialKo, string MaterialEn, bool MayEdit);

    public sealed record InterestRow(string SupplierKo, string BusinessNumber, string Message, DateTimeOffset At);

    /// <summary>A public or invited need one of the supplier's products matches, with its best-matching product.</summary>
    public sealed record SupplierMatch(int NeedId, string Title, string BuyerKo, string MaterialCode, string ProductCode, int Score, bool Interested);

    /// <summary>Every material as a select option: "CODE · name" in the reader's language.</summary>
    public async Task<IReadOnlyList<(int Id, string Label)>> MaterialOptionsAsync(CancellationToken cancellationToken) =>
        (await db.Materials.AsNoTracking().OrderBy(m => m.Code).Select(m => new { m.Id, m.Code, m.NameKo, m.NameEn }).ToListAsync(cancellationToken))
            .Select(m => (m.Id, $"{m.Code} · {Language.Pick(m.NameKo, m.NameEn)}")).ToList();

    public async Task<int> PostAsync(int buyerId, Need.Terms terms, Guid memberId, CancellationToken cancellationToken)
    {
        if (!await db.Memberships.IsApprovedMemberAsync(memberId, buyerId, cancellationToken)
            || !await db.Organizations.AnyAsync(o => o.Id == buyerId && o.Kind == OrganizationKind.Buyer, cancellationToken))
        {
            throw new DomainException("need.not-buyer", "Need.NotBuyer", ProblemKind.Forbidden);
        }
        if (!await db.Materials.AnyAsync(m => m.Id == terms.MaterialId, cancellationToken))
        {
            throw new DomainException("need.material-unknown", "Need.MaterialUnknown", ProblemKind.Invalid);
        }
        var need = Need.Post(buyerId, terms, memberId, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken); // the audit names the new id
        db.Needs.Add(need);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(AuditActions.NeedPosted, $"need:{need.Id}", need.Title);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return need.Id;
    }

    /// <summary>Open public needs, and every need the caller may see (their own organizations', invitations, all for staff).</summary>
    public async Task<(int Total, IReadOnlyList<Row> Items)> ListAsync(ClaimsPrincipal user, int page, int pageSize, CancellationToken cancellationToken)
    {
        var visible = Visible(user);
        var total = await visible.CountAsync(cancellationToken);
        var query = from n in visible
                    join o in db.Organizations on n.BuyerId equals o.Id
                    join m in db.Materials on n.MaterialId equals m.Id
                    orderby n.Status, n.UpdatedAt descending, n.Id descending
                    select new Row(n.Id, n.Title, o.NameKo, m.Code, m.NameKo, m.NameEn, n.Visibility, n.Status, n.NeededBy, n.UpdatedAt);
        return (total, await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken));
    }

    public async Task<Details?> GetAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var row = await (from n in Visible(user).Where(n => n.Id == id)
                         join o in db.Organizations on n.BuyerId equals o.Id
                         join m in db.Materials on n.MaterialId equals m.Id
                         select new { Need = n, o.NameKo, o.BusinessNumber, m.Code, MaterialKo = m.NameKo, MaterialEn = m.NameEn }).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var mayEdit = user.Identity?.IsAuthenticated == true && await db.Memberships.IsApprovedMemberAsync(user.UserId(), row.Need.BuyerId, cancellationToken);
        return new Details(row.Need, row.NameKo, row.BusinessNumber, row.Code, row.MaterialKo, row.MaterialEn, mayEdit);
    }

    /// <summary>The ranked matches of a need the caller may see; null when they may not (or it does not exist).</summary>
    public async Task<IReadOnlyList<Match>?> MatchesAsync(int id, ClaimsPrincipal user, int limit, CancellationToken cancellationToken)
    {
        var need = await Visible(user).SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        return need is null ? null : await MatchAsync(need, limit, cancellationToken);
    }

    /// <summary>
    /// Loads the products of the need's material category that hold every required certificate valid today (the
    /// database filters those), then ranks them in memory by <see cref="Matching"/>.
    /// </summary>
    public async Task<IReadOnlyList<Match>> MatchAsync(Need need, int limit, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToKst().Date);
        var categoryId = await db.Materials.Where(m => m.Id == need.MaterialId).Select(m => m.CategoryId).SingleAsync(cancellationToken);
        var category = await LoadCategoryAsync(categoryId, need.RequiredCertificates, today, cancellationToken);
        return Matching.Rank(need, category.Materials, category.Products.Select(p => p.For(need.BuyerId)), today, limit);
    }

    /// <summary>
    /// Matches many needs at once (a nightly run, the benchmark): each material category's products are loaded once and
    /// every need of that category is ranked against them; the results equal <see cref="MatchAsync"/>'s.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<Match>>> MatchAllAsync(IReadOnlyList<Need> needs, int limit, CancellationToken cancellationToken)
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
        var materialCodes = await db.Materials.AsNoTracking().Where(m => m.CategoryId == categoryId).ToDictionaryAsync(m => m.Id, m => m.Code, cancellationToken);
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
        var rows = await products.Select(p => new { p.Id, p.Code, p.NameKo, p.MaterialId, p.Organization.BusinessNumber, SupplierKo = p.Organization.NameKo, p.Organization.RegionKo })
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
            new Candidate(r.Id, r.Code, r.NameKo, r.BusinessNumber, r.SupplierKo, r.RegionKo, r.MaterialId, materialCodes[r.MaterialId],
                specifications.TryGetValue(r.Id, out var own) ? own : noSpecifications,
                certificates.TryGetValue(r.Id, out var held) ? held : [],
                documents.Contains(r.Id) ? documents[r.Id].Select(d => d.Kind).ToHashSet() : noDocuments),
            shared.Contains(r.Id) ? shared[r.Id].Select(q => (q.BuyerId, q.Decision)).ToList() : [])).ToList();
        return (materialCodes.Keys.ToHashSet(), loaded);
    }

    /// <summary>The supplier expresses interest in a need it may see, with a message; the buyer's members are notified.</summary>
    public async Task ExpressInterestAsync(int needId, int supplierId, string message, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var memberId = user.UserId();
        if (!await db.Memberships.IsApprovedMemberAsync(memberId, supplierId, cancellationToken)
            || !await db.Organizations.AnyAsync(o => o.Id == supplierId && o.Kind == OrganizationKind.Supplier, cancellationToken))
        {
            throw new DomainException("interest.not-supplier", "Interest.NotSupplier", ProblemKind.Forbidden);
        }
        var need = await Visible(user).Where(n => n.Id == needId && n.Status == NeedStatus.Open).Select(n => new { n.Id, n.BuyerId, n.Title })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("need");
        if (await db.NeedInterests.AnyAsync(i => i.NeedId == needId && i.SupplierId == supplierId, cancellationToken))
        {
            throw new DomainException("interest.duplicate", "Interest.Duplicate");
        }
        db.NeedInterests.Add(NeedInterest.Express(needId, supplierId, message, memberId, clock.GetUtcNow()));
        var supplier = await db.Organizations.Where(o => o.Id == supplierId).Select(o => o.NameKo).SingleAsync(cancellationToken);
        await notify.AddAsync(await db.Memberships.ApprovedMemberIds(need.BuyerId).ToListAsync(cancellationToken), $"need:{needId}:interest:{supplierId}",
            "Notification.NeedInterest", $"/needs/{needId}", [supplier, need.Title], cancellationToken);
        audit.Add(AuditActions.NeedInterest, $"need:{needId}", $"supplier:{supplierId}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The suppliers' interests in a need, for the buyer's members and staff only.</summary>
    public async Task<IReadOnlyList<InterestRow>> InterestsAsync(Details need, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        need.MayEdit || user.IsInRole(Roles.ProgramManager) || user.IsInRole(Roles.Administrator)
            ? await db.NeedInterests.AsNoTracking().Where(i => i.NeedId == need.Need.Id).OrderBy(i => i.At).ThenBy(i => i.Id)
                .Join(db.Organizations, i => i.SupplierId, o => o.Id, (i, o) => new InterestRow(o.NameKo, o.BusinessNumber, i.Message, i.At)).ToListAsync(cancellationToken)
            : [];

    /// <summary>
    /// Open needs the member's supplier organizations may see that one of their products matches (hard requirements
    /// met), each with the best of their products; ranks only the supplier's own products, so it stays cheap.
    /// </summary>
    public async Task<IReadOnlyList<SupplierMatch>> ForSupplierAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var memberId = user.UserId();
        var suppliers = (await db.OrganizationsOfAsync(memberId, OrganizationKind.Supplier, cancellationToken)).Select(o => o.Id).ToList();
        if (suppliers.Count == 0)
        {
            return [];
        }
        var needs = await Visible(user).Where(n => n.Status == NeedStatus.Open).ToListAsync(cancellationToken);
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
        var buyers = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Buyer).ToDictionaryAsync(o => o.Id, o => o.NameKo, cancellationToken);
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
                result.Add(new SupplierMatch(need.Id, need.Title, buyers.GetValueOrDefault(need.BuyerId, ""), best.Product.MaterialCode, best.Product.ProductCode, best.Score,
                    interested.Contains(need.Id)));
            }
        }
        return result.OrderByDescending(r => r.Score).ThenBy(r => r.NeedId).ToList();
    }

    /// <summary>Public needs for everyone; invited-only ones for the buyer's members, the invited suppliers' members and staff.</summary>
    private IQueryable<Need> Visible(ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.ProgramManager) || user.IsInRole(Roles.Administrator))
        {
            return db.Needs.AsNoTracking();
        }
        if (user.Identity?.IsAuthenticated != true)
        {
            return db.Needs.AsNoTracking().Where(n => n.Visibility == NeedVisibility.Public);
        }
        var userId = user.UserId();
        var mine = db.Memberships.Where(m => m.UserId == userId && m.Status == MembershipStatus.Approved);
        var myOrganizations = mine.Select(m => m.OrganizationId);
        var myNumbers = mine.Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => o.BusinessNumber);
        return db.Needs.AsNoTracking().Where(n => n.Visibility == NeedVisibility.Public || myOrganizations.Contains(n.BuyerId)
            || n.Invitations.Any(i => myNumbers.Contains(i.BusinessNumber)));
    }
}
