using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

/// <summary>
/// The directory search: a Korean/English query through the database's own engine (every word must match,
/// in any order), filters, facet counts over the filtered result, sorting and paging.
/// </summary>
public sealed class SearchProducts(AppDbContext db, FacetCache facetCache, SearchVocabularySource vocabularies, TimeProvider clock)
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
    /// <param name="Suggestion">When the words found nothing: the closest query that finds something ("이것을 찾으셨나요?").</param>
    public sealed record Result(PagedList<Row> Page, Facets Facets, DateOnly Today, bool TotalExact = true, string? Suggestion = null);

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
        // One connection for the four or five queries of a search, instead of taking one from the pool for each.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var vocabulary = await vocabularies.GetAsync(db, cancellationToken);
        var terms = SearchAnalyzer.Query(query.Q, vocabulary);
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
            ? await facetCache.GetOrCountAsync(FacetKey(query, terms, today),
                () => FacetsAsync(Hits(query, terms, today, ranked: false).Select(h => h.Product), today, cancellationToken))
            : new Facets([], [], [], [], []);
        var suggestion = total == 0 && terms.Count > 0 ? await SuggestAsync(query.Q!, vocabulary, cancellationToken) : null;
        return new Result(new PagedList<Row>(rows, total, query.Page, query.PageSize), facets, today, exact, suggestion);
    }

    /// <summary>
    /// The closest query that finds something: each word that finds products alone is kept; one that does not is
    /// replaced by the nearest known word that makes the query find something (a syllable or a letter or two away, by
    /// edit distance), or left out. Null when that changes nothing or still finds nothing. Only asked when a search
    /// found nothing, so its extra counts are rare.
    /// </summary>
    private async Task<string?> SuggestAsync(string typed, SearchVocabulary vocabulary, CancellationToken cancellationToken)
    {
        var words = SearchAnalyzer.QueryWords(typed);
        var parts = new string?[words.Count];
        var failing = new List<int>();
        for (var i = 0; i < words.Count; i++)
        {
            if (await FindsAnyAsync(words[i]))
            {
                parts[i] = words[i];
            }
            else
            {
                failing.Add(i);
            }
        }
        foreach (var i in failing)
        {
            foreach (var candidate in Nearest(words[i], vocabulary).Take(5))
            {
                parts[i] = candidate;
                if (await FindsAnyAsync(string.Join(' ', parts.OfType<string>())))
                {
                    break;
                }
                parts[i] = null;
            }
        }
        var suggestion = string.Join(' ', parts.OfType<string>());
        return suggestion.Length == 0 || parts.SequenceEqual(words) || !await FindsAnyAsync(suggestion) ? null : suggestion;

        async Task<bool> FindsAnyAsync(string text) => await ProductSearch.CountAsync(db, SearchAnalyzer.Query(text, vocabulary), 1, cancellationToken) > 0;
    }

    /// <summary>The known words of the same script near <paramref name="word"/>, nearest first: at most one edit per three characters, at least one.</summary>
    public static IEnumerable<string> Nearest(string word, SearchVocabulary vocabulary)
    {
        var korean = SearchAnalyzer.IsKorean(word);
        var allowed = Math.Max(1, word.Length / 3);
        return vocabulary.Words.Where(w => SearchAnalyzer.IsKorean(w) == korean && Math.Abs(w.Length - word.Length) <= allowed)
            .Select(w => (Word: w, Distance: Distance(word, w))).Where(x => x.Distance <= allowed)
            .OrderBy(x => x.Distance).ThenBy(x => x.Word.Length).ThenBy(x => x.Word, StringComparer.Ordinal)
            .Select(x => x.Word);
    }

    /// <summary>Levenshtein distance (insertions, deletions, substitutions), by characters: syllables in Korean.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>What the facet counts depend on: the analysed words, the filters and the day (not the page or the order).</summary>
    private static string FacetKey(Query query, IReadOnlyList<SearchAnalyzer.Term> terms, DateOnly today) =>
        string.Join('\u001f', [string.Join(' ', terms.Select(t => string.Join('+', t.Tokens) + (t.Prefix ? "*" : ""))),
            query.Category?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", query.Material ?? "", query.Cert ?? "", query.Region ?? "",
            query.Target?.ToString() ?? "", today.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    /// <summary>The products matching the query's words and filters, with the engine's rank; composable.</summary>
    private IQueryable<Hit> Hits(Query query, IReadOnlyList<SearchAnalyzer.Term> terms, DateOnly today, bool ranked = true)
    {
        var hits = terms.Count == 0
            ? db.Products.Select(p => new Hit { Product = p, Rank = 0 })
            : from p in db.Products
              join r in ProductSearch.Match(db, terms, ranked, string.IsNullOrWhiteSpace(query.Cert) ? null : (query.Cert, today)) on p.Id equals r.Id
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
            // IN (the certified products), not a correlated EXISTS: SQLite ran that once per product through the
            // (Code, ExpiresOn) index, 250 ms a query on the demo data (issue 17.7).
            var certified = db.ProductCertificates.Where(c => c.Code == query.Cert && c.IssuedOn <= today && c.ExpiresOn >= today).Select(c => c.ProductId);
            hits = hits.Where(h => certified.Contains(h.Product.Id));
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

    /// <summary>One facet's count of one value, as the single facet query returns it.</summary>
    private sealed class FacetCount
    {
        public int Facet { get; init; }
        /// <summary>The category's id (the other facets' values are text).</summary>
        public int Id { get; init; }
        public string? Value { get; init; }
        public string? LabelKo { get; init; }
        public string? LabelEn { get; init; }
        public int Count { get; init; }
    }

    /// <summary>
    /// Counts over the filtered result: the five facets in one statement (UNION ALL), so the engine is asked once per
    /// page instead of five times (the five queries were half of the page's cost, issue 16).
    /// </summary>
    private static async Task<Facets> FacetsAsync(IQueryable<Product> products, DateOnly today, CancellationToken cancellationToken)
    {
        var categories = products.GroupBy(p => new { p.Material.CategoryId, p.Material.Category.NameKo, p.Material.Category.NameEn })
            .Select(g => new FacetCount { Facet = 0, Id = g.Key.CategoryId, Value = null, LabelKo = g.Key.NameKo, LabelEn = g.Key.NameEn, Count = g.Count() });
        var materials = products.GroupBy(p => new { p.Material.Code, p.Material.NameKo, p.Material.NameEn })
            .Select(g => new FacetCount { Facet = 1, Id = 0, Value = g.Key.Code, LabelKo = g.Key.NameKo, LabelEn = g.Key.NameEn, Count = g.Count() });
        // From the matching products to their certificates: a correlated EXISTS ran the text match once per certificate
        // (21 of the page's 25 ms on the demo data, issue 16).
        var certificates = products.SelectMany(p => p.Certificates.Where(c => c.IssuedOn <= today && c.ExpiresOn >= today))
            .GroupBy(c => c.Code)
            .Select(g => new FacetCount { Facet = 2, Id = 0, Value = g.Key, LabelKo = g.Key, LabelEn = g.Key, Count = g.Select(c => c.ProductId).Distinct().Count() });
        var regions = products.Where(p => p.Organization.RegionKo != null)
            .GroupBy(p => new { p.Organization.RegionKo, p.Organization.RegionEn })
            .Select(g => new FacetCount { Facet = 3, Id = 0, Value = g.Key.RegionKo, LabelKo = g.Key.RegionKo, LabelEn = g.Key.RegionEn ?? g.Key.RegionKo, Count = g.Count() });
        var target = products.GroupBy(p => p.Material.LocalizationTargetYear != null)
            .Select(g => new FacetCount { Facet = 4, Id = 0, Value = g.Key ? "true" : "false", LabelKo = "", LabelEn = "", Count = g.Count() });
        var counts = (await categories.Concat(materials).Concat(certificates).Concat(regions).Concat(target).ToListAsync(cancellationToken))
            .ToLookup(c => c.Facet, c => new FacetValue(c.Value ?? c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.LabelKo ?? "", c.LabelEn ?? "", c.Count));

        static List<FacetValue> Ordered(IEnumerable<FacetValue> values) =>
            values.OrderByDescending(v => v.Count).ThenBy(v => v.LabelKo, StringComparer.Ordinal).ToList();

        return new Facets(Ordered(counts[0]), Ordered(counts[1]), Ordered(counts[2]), Ordered(counts[3]),
            counts[4].OrderByDescending(t => t.Value, StringComparer.Ordinal).ToList());
    }
}
