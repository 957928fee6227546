using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mirae.Web.Data;
using NpgsqlTypes;

namespace Mirae.Web.Features.Directory;

/// <summary>
/// The search engines behind the directory, fed by <see cref="Product.SearchName"/> and <see cref="Product.SearchBody"/>:
/// SQLite FTS5 (an external-content table kept in sync by triggers) and PostgreSQL full-text search (stored
/// generated tsvectors with GIN indexes: one of everything, weighted, and one of the names alone, so that the name
/// tier is answered from an index without rechecking rows). Both are updated by the database on every write of a product.
/// Ranks are "lower is better" on both (FTS5 bm25; negated ts_rank), names weigh ten times the body.
/// </summary>
public static class ProductSearch
{
    public const string PostgresVectorColumn = "SearchVector";
    public const string PostgresNameVectorColumn = "SearchNameVector";
    private const string PostgresVectorSql =
        "setweight(to_tsvector('simple'::regconfig, \"SearchName\"), 'A') || setweight(to_tsvector('simple'::regconfig, \"SearchBody\"), 'B')";
    private const string PostgresNameVectorSql = "to_tsvector('simple'::regconfig, \"SearchName\")";

    public sealed class RankedId
    {
        public int Id { get; set; }
        public double Rank { get; set; }
    }

    public static void ConfigurePostgres(EntityTypeBuilder<Product> product)
    {
        product.Property<NpgsqlTsVector>(PostgresVectorColumn).HasComputedColumnSql(PostgresVectorSql, stored: true);
        product.HasIndex(PostgresVectorColumn).HasMethod("GIN");
        product.Property<NpgsqlTsVector>(PostgresNameVectorColumn).HasComputedColumnSql(PostgresNameVectorSql, stored: true);
        product.HasIndex(PostgresNameVectorColumn).HasMethod("GIN");
    }

    /// <summary>
    /// How many products match, counted at most to <paramref name="cap"/> + 1, so that a broad query costs no more than a
    /// narrow one; more than <paramref name="cap"/> is reported as "more than". Two lower bounds come first, each enough
    /// when it passes the cap: the products of the materials that hold every word themselves (a directory search mostly
    /// names a material or category, and those are counted from the small materials table and one index, however
    /// common the words), then the names, which are short (ADR 006). Only then does the engine count the whole text,
    /// which PostgreSQL does by building the bitmap of every match.
    /// </summary>
    public static async Task<int> CountAsync(AppDbContext db, IReadOnlyList<SearchAnalyzer.Term> terms, int cap, CancellationToken cancellationToken)
    {
        var byMaterial = await CountByMaterialAsync(db, terms, cap + 1, cancellationToken);
        if (byMaterial > cap)
        {
            return byMaterial;
        }
        var names = await CountTierAsync(db, terms, cap + 1, cancellationToken);
        return names > cap ? names : await CountAsync(db, SearchAnalyzer.ToFts5(terms), SearchAnalyzer.ToTsQuery(terms), cap + 1, cancellationToken);
    }

    /// <summary>
    /// Products of the materials whose code and names, with their category's, hold every word, counted up to
    /// <paramref name="limit"/>. Each of them matches, because a product's search text holds its material's and
    /// category's (<see cref="Product.Reindex"/>); so this never counts more than the engine would.
    /// </summary>
    private static async Task<int> CountByMaterialAsync(AppDbContext db, IReadOnlyList<SearchAnalyzer.Term> terms, int limit,
        CancellationToken cancellationToken)
    {
        var materials = await db.Materials.AsNoTracking()
            .Select(m => new { m.Id, m.Code, m.NameKo, m.NameEn, CategoryKo = m.Category.NameKo, CategoryEn = m.Category.NameEn })
            .ToListAsync(cancellationToken);
        var ids = materials
            .Where(m => SearchAnalyzer.Matches(SearchAnalyzer.Tokens(m.Code, m.NameKo, m.NameEn, m.CategoryKo, m.CategoryEn), terms))
            .Select(m => m.Id).ToList();
        return ids.Count == 0 ? 0 : await db.Products.Where(p => ids.Contains(p.MaterialId)).Take(limit).CountAsync(cancellationToken);
    }

    /// <summary>
    /// One page of matching ids, best first: products whose name or code holds every word, then those that match
    /// only with their description, specifications, material or supplier; newest first within each. Both engines
    /// read their index in id order and stop at the page, however many products match (ADR 006).
    /// </summary>
    /// <param name="matches">What <see cref="CountAsync(AppDbContext, IReadOnlyList{SearchAnalyzer.Term}, int, CancellationToken)"/>
    /// returned with <paramref name="cap"/>: the exact number of matches, or more than the cap.</param>
    public static async Task<List<int>> TopAsync(AppDbContext db, IReadOnlyList<SearchAnalyzer.Term> terms, int matches, int cap, int skip,
        int take, CancellationToken cancellationToken)
    {
        var exact = matches <= cap;
        if (matches == 0 || (exact && skip >= matches))
        {
            return [];
        }
        var ids = await TierAsync(db, terms, Tier.Name, skip, take, cancellationToken);
        if (ids.Count < take)
        {
            // The name tier ended on this page (or before it): continue with the body tier from the right offset.
            var nameCount = ids.Count > 0 || skip == 0 ? skip + ids.Count : await CountTierAsync(db, terms, skip, cancellationToken);
            if (exact && nameCount >= matches)
            {
                return ids; // every match is in the name tier; asking the engine for an empty tier can cost a full scan
            }
            // Few matches in all (exact): read them all from the index and sort; many: walk the ids and stop at the page.
            ids.AddRange(await TierAsync(db, terms, exact ? Tier.FewInBody : Tier.Body, Math.Max(0, skip - nameCount), take - ids.Count,
                cancellationToken));
        }
        return ids;
    }

    private enum Tier { Name, Body, FewInBody }

    private static Task<List<int>> TierAsync(AppDbContext db, IReadOnlyList<SearchAnalyzer.Term> terms, Tier tier, int skip, int take,
        CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            var all = SearchAnalyzer.ToFts5(terms);
            var bodyOnly = $"({all}) NOT {NameOnly(all)}";
            return (tier == Tier.Name
                    ? db.Database.SqlQuery<int>(
                        $"SELECT rowid AS Value FROM ProductNameSearch WHERE ProductNameSearch MATCH {all} ORDER BY rowid DESC LIMIT {take} OFFSET {skip}")
                    : db.Database.SqlQuery<int>(
                        $"SELECT rowid AS Value FROM ProductSearch WHERE ProductSearch MATCH {bodyOnly} ORDER BY rowid DESC LIMIT {take} OFFSET {skip}"))
                .ToListAsync(cancellationToken);
        }
        var query = SearchAnalyzer.ToTsQuery(terms);
        return (tier switch
            {
                Tier.Name => db.Database.SqlQuery<int>(
                    $"""SELECT "Id" AS "Value" FROM "Products" WHERE "SearchNameVector" @@ to_tsquery('simple'::regconfig, {query}) ORDER BY "Id" DESC LIMIT {take} OFFSET {skip}"""),
                Tier.Body => db.Database.SqlQuery<int>(
                    $"""SELECT "Id" AS "Value" FROM "Products" WHERE "SearchVector" @@ to_tsquery('simple'::regconfig, {query}) AND NOT "SearchNameVector" @@ to_tsquery('simple'::regconfig, {query}) ORDER BY "Id" DESC LIMIT {take} OFFSET {skip}"""),
                // "Id" + 0 keeps the planner off the primary key: walking it backwards past a million rows to find a few
                // is what its estimate of the (correlated) name and body conditions would otherwise choose.
                _ => db.Database.SqlQuery<int>(
                    $"""SELECT "Id" AS "Value" FROM "Products" WHERE "SearchVector" @@ to_tsquery('simple'::regconfig, {query}) AND NOT "SearchNameVector" @@ to_tsquery('simple'::regconfig, {query}) ORDER BY "Id" + 0 DESC LIMIT {take} OFFSET {skip}"""),
            })
            .ToListAsync(cancellationToken);
    }

    /// <summary>Products in the name tier, counted up to <paramref name="cap"/>.</summary>
    private static Task<int> CountTierAsync(AppDbContext db, IReadOnlyList<SearchAnalyzer.Term> terms, int cap, CancellationToken cancellationToken) =>
        CountAsync(db, SearchAnalyzer.ToFts5(terms), SearchAnalyzer.ToTsQuery(terms), cap, cancellationToken, namesOnly: true);

    /// <summary>An FTS5 expression restricted to the name column.</summary>
    private static string NameOnly(string fts5) => "{SearchName} : (" + fts5 + ")";

    /// <summary>
    /// Matches of an FTS5 expression (SQLite) or a tsquery (PostgreSQL), counted up to <paramref name="limit"/>. On
    /// PostgreSQL the inner SELECT has no columns, so a bitmap scan can count from the index without reading the rows
    /// of all-visible pages.
    /// </summary>
    /// <param name="namesOnly">Match the names-only index (SQLite) or vector (PostgreSQL).</param>
    private static Task<int> CountAsync(AppDbContext db, string fts5, string tsQuery, int limit, CancellationToken cancellationToken,
        bool namesOnly = false) =>
        (db.Database.IsSqlite()
            ? namesOnly
                ? db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM (SELECT 1 FROM ProductNameSearch WHERE ProductNameSearch MATCH {fts5} LIMIT {limit})")
                : db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM (SELECT 1 FROM ProductSearch WHERE ProductSearch MATCH {fts5} LIMIT {limit})")
            : namesOnly
                ? db.Database.SqlQuery<int>(
                    $"""SELECT count(*)::int AS "Value" FROM (SELECT FROM "Products" WHERE "SearchNameVector" @@ to_tsquery('simple'::regconfig, {tsQuery}) LIMIT {limit}) AS matches""")
                : db.Database.SqlQuery<int>(
                    $"""SELECT count(*)::int AS "Value" FROM (SELECT FROM "Products" WHERE "SearchVector" @@ to_tsquery('simple'::regconfig, {tsQuery}) LIMIT {limit}) AS matches"""))
            .SingleAsync(cancellationToken);

    /// <summary>
    /// Ids of the products matching <paramref name="terms"/>, with their rank; composable into LINQ. Without
    /// <paramref name="ranked"/> the rank is 0: counting facets needs no rank, and computing it was a third of their cost.
    /// </summary>
    /// <param name="certifiedOn">
    /// With a certificate code: only products holding it valid on that day, ranked in the plain query's two tiers (the
    /// name holds every word, then the rest) rather than by bm25 / ts_rank. FTS5's bm25 first reads the whole doclist of
    /// every word for its statistics, 0.2–0.3 s for a broad word at 1M products, however few products the certificate leaves
    /// (0.4–0.6 s per search through the API before, 7–9 ms for the engine's part after; issue 17.7, ADR 006).
    /// </param>
    public static IQueryable<RankedId> Match(AppDbContext db, IReadOnlyList<SearchAnalyzer.Term> terms, bool ranked = true,
        (string Code, DateOnly Day)? certifiedOn = null)
    {
        if (db.Database.IsSqlite())
        {
            var match = SearchAnalyzer.ToFts5(terms);
            if (certifiedOn is { } c)
            {
                return ranked
                    ? db.Database.SqlQuery<RankedId>($"""
                        SELECT rowid AS Id, CASE WHEN EXISTS (SELECT 1 FROM ProductNameSearch WHERE ProductNameSearch MATCH {match}
                            AND ProductNameSearch.rowid = ProductSearch.rowid) THEN 0.0 ELSE 1.0 END AS Rank
                        FROM ProductSearch WHERE ProductSearch MATCH {match}
                        AND rowid IN (SELECT ProductId FROM ProductCertificates WHERE Code = {c.Code} AND IssuedOn <= {c.Day} AND ExpiresOn >= {c.Day})
                        """)
                    : db.Database.SqlQuery<RankedId>($"""
                        SELECT rowid AS Id, 0.0 AS Rank FROM ProductSearch WHERE ProductSearch MATCH {match}
                        AND rowid IN (SELECT ProductId FROM ProductCertificates WHERE Code = {c.Code} AND IssuedOn <= {c.Day} AND ExpiresOn >= {c.Day})
                        """);
            }
            return ranked
                    ? db.Database.SqlQuery<RankedId>($"SELECT rowid AS Id, bm25(ProductSearch, 10.0, 1.0) AS Rank FROM ProductSearch WHERE ProductSearch MATCH {match}")
                    : db.Database.SqlQuery<RankedId>($"SELECT rowid AS Id, 0.0 AS Rank FROM ProductSearch WHERE ProductSearch MATCH {match}");
        }
        var query = SearchAnalyzer.ToTsQuery(terms);
        if (certifiedOn is { } certified)
        {
            return ranked
                ? db.Database.SqlQuery<RankedId>($"""
                    SELECT "Id", CASE WHEN "SearchNameVector" @@ to_tsquery('simple'::regconfig, {query}) THEN 0.0 ELSE 1.0 END::float8 AS "Rank" FROM "Products"
                    WHERE "SearchVector" @@ to_tsquery('simple'::regconfig, {query}) AND "Id" IN (SELECT "ProductId" FROM "ProductCertificates"
                    WHERE "Code" = {certified.Code} AND "IssuedOn" <= {certified.Day} AND "ExpiresOn" >= {certified.Day})
                    """)
                : db.Database.SqlQuery<RankedId>($"""
                    SELECT "Id", 0.0::float8 AS "Rank" FROM "Products"
                    WHERE "SearchVector" @@ to_tsquery('simple'::regconfig, {query}) AND "Id" IN (SELECT "ProductId" FROM "ProductCertificates"
                    WHERE "Code" = {certified.Code} AND "IssuedOn" <= {certified.Day} AND "ExpiresOn" >= {certified.Day})
                    """);
        }
        return ranked
            ? db.Database.SqlQuery<RankedId>(
                $$"""SELECT "Id", -ts_rank('{0.1, 0.1, 0.1, 1.0}', "SearchVector", to_tsquery('simple'::regconfig, {{query}}))::float8 AS "Rank" FROM "Products" WHERE "SearchVector" @@ to_tsquery('simple'::regconfig, {{query}})""")
            : db.Database.SqlQuery<RankedId>(
                $"""SELECT "Id", 0.0::float8 AS "Rank" FROM "Products" WHERE "SearchVector" @@ to_tsquery('simple'::regconfig, {query})""");
    }
}
