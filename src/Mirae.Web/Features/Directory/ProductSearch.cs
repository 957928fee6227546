using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Migrations;
using Mirae.Web.Data;
using NpgsqlTypes;

namespace Mirae.Web.Features.Directory;

/// <summary>
/// The search engines behind the directory, fed by <see cref="Product.SearchName"/> and <see cref="Product.SearchBody"/>:
/// SQLite FTS5 (an external-content table kept in sync by triggers) and PostgreSQL full-text search (a stored
/// generated tsvector with a GIN index). Both are updated by the database on every write of a product.
/// Ranks are "lower is better" on both (FTS5 bm25; negated ts_rank), names weigh ten times the body.
/// </summary>
public static class ProductSearch
{
    public const string PostgresVectorColumn = "SearchVector";

    public sealed class RankedId
    {
        public int Id { get; set; }
        public double Rank { get; set; }
    }

    public static void ConfigurePostgres(EntityTypeBuilder<Product> product)
    {
        product.Property<NpgsqlTsVector>(PostgresVectorColumn)
            .HasComputedColumnSql(
                "setweight(to_tsvector('simple'::regconfig, \"SearchName\"), 'A') || setweight(to_tsvector('simple'::regconfig, \"SearchBody\"), 'B')",
                stored: true);
        product.HasIndex(PostgresVectorColumn).HasMethod("GIN");
    }

    /// <summary>The engine objects a migration creates besides the tables (the model knows the PostgreSQL part).</summary>
    public static void CreateEngine(MigrationBuilder migration)
    {
        if (migration.IsSqlite())
        {
            migration.Sql("""
                CREATE VIRTUAL TABLE ProductSearch USING fts5(SearchName, SearchBody, content='Products', content_rowid='Id', prefix='1 2 3');
                """);
            migration.Sql("""
                CREATE TRIGGER ProductSearch_Insert AFTER INSERT ON Products BEGIN
                  INSERT INTO ProductSearch(rowid, SearchName, SearchBody) VALUES (new.Id, new.SearchName, new.SearchBody);
                END;
                """);
            migration.Sql("""
                CREATE TRIGGER ProductSearch_Delete AFTER DELETE ON Products BEGIN
                  INSERT INTO ProductSearch(ProductSearch, rowid, SearchName, SearchBody) VALUES ('delete', old.Id, old.SearchName, old.SearchBody);
                END;
                """);
            migration.Sql("""
                CREATE TRIGGER ProductSearch_Update AFTER UPDATE OF SearchName, SearchBody ON Products BEGIN
                  INSERT INTO ProductSearch(ProductSearch, rowid, SearchName, SearchBody) VALUES ('delete', old.Id, old.SearchName, old.SearchBody);
                  INSERT INTO ProductSearch(rowid, SearchName, SearchBody) VALUES (new.Id, new.SearchName, new.SearchBody);
                END;
                """);
        }
        else
        {
            migration.AddColumn<NpgsqlTsVector>(PostgresVectorColumn, "Products", nullable: true,
                computedColumnSql: "setweight(to_tsvector('simple'::regconfig, \"SearchName\"), 'A') || setweight(to_tsvector('simple'::regconfig, \"SearchBody\"), 'B')",
                stored: true);
            migration.CreateIndex("IX_Products_SearchVector", "Products", PostgresVectorColumn).Annotation("Npgsql:IndexMethod", "GIN");
        }
    }

    /// <summary>How many products match, counted by the engine alone.</summary>
    public static Task<int> CountAsync(AppDbContext db, IReadOnlyList<SearchAnalyzer.Term> terms, CancellationToken cancellationToken) =>
        db.Database.IsSqlite()
            ? db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM ProductSearch WHERE ProductSearch MATCH {SearchAnalyzer.ToFts5(terms)}")
                .SingleAsync(cancellationToken)
            : db.Database.SqlQuery<int>(
                $"""SELECT count(*)::int AS "Value" FROM "Products" WHERE "SearchVector" @@ to_tsquery('simple'::regconfig, {SearchAnalyzer.ToTsQuery(terms)})""")
                .SingleAsync(cancellationToken);

    /// <summary>One page of matching ids, best first, ranked and limited inside the engine.</summary>
    public static Task<List<int>> TopAsync(AppDbContext db, IReadOnlyList<SearchAnalyzer.Term> terms, int skip, int take, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            return db.Database.SqlQuery<int>(
                $"SELECT rowid AS Value FROM ProductSearch WHERE ProductSearch MATCH {SearchAnalyzer.ToFts5(terms)} ORDER BY bm25(ProductSearch, 10.0, 1.0), rowid LIMIT {take} OFFSET {skip}")
                .ToListAsync(cancellationToken);
        }
        var query = SearchAnalyzer.ToTsQuery(terms);
        return db.Database.SqlQuery<int>(
            $$"""SELECT "Id" AS "Value" FROM "Products" WHERE "SearchVector" @@ to_tsquery('simple'::regconfig, {{query}}) ORDER BY ts_rank('{0.1, 0.1, 0.1, 1.0}', "SearchVector", to_tsquery('simple'::regconfig, {{query}})) DESC, "Id" LIMIT {{take}} OFFSET {{skip}}""")
            .ToListAsync(cancellationToken);
    }

    /// <summary>Ids of the products matching <paramref name="terms"/>, with their rank; composable into LINQ.</summary>
    public static IQueryable<RankedId> Match(AppDbContext db, IReadOnlyList<SearchAnalyzer.Term> terms)
    {
        if (db.Database.IsSqlite())
        {
            var match = SearchAnalyzer.ToFts5(terms);
            return db.Database.SqlQuery<RankedId>(
                $"SELECT rowid AS Id, bm25(ProductSearch, 10.0, 1.0) AS Rank FROM ProductSearch WHERE ProductSearch MATCH {match}");
        }
        var query = SearchAnalyzer.ToTsQuery(terms);
        return db.Database.SqlQuery<RankedId>(
            $$"""SELECT "Id", -ts_rank('{0.1, 0.1, 0.1, 1.0}', "SearchVector", to_tsquery('simple'::regconfig, {{query}}))::float8 AS "Rank" FROM "Products" WHERE "SearchVector" @@ to_tsquery('simple'::regconfig, {{query}})""");
    }
}
