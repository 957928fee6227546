using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

namespace Mirae.Web.Data.Migrations;

/// <summary>
/// Search text with one token per Korean word of up to four syllables, and on PostgreSQL a names-only tsvector
/// with its own GIN index (ADR 006). The products' search text is recomputed by the app right after this
/// migration is applied (the directory's reference seed, <see cref="Features.Directory.DirectoryModule"/>), since the analyzer is C#.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration(Id)]
public sealed class SearchTokens : Migration
{
    public const string Id = "20261123010000_SearchTokens";

    /// <remarks>
    /// The PostgreSQL names-only vector behind the name tier, and narrow product rows: long values move out of the row
    /// into TOAST once a row passes 400 bytes while the names vector stays in it (ADR 006).
    /// </remarks>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsSqlite())
        {
            migrationBuilder.AddColumn<NpgsqlTsVector>("SearchNameVector", "Products", nullable: true, computedColumnSql: "to_tsvector('simple'::regconfig, \"SearchName\")", stored: true);
            migrationBuilder.CreateIndex("IX_Products_SearchNameVector", "Products", "SearchNameVector").Annotation("Npgsql:IndexMethod", "GIN");
            migrationBuilder.Sql("""ALTER TABLE "Products" SET (toast_tuple_target = 400)""");
            migrationBuilder.Sql("""ALTER TABLE "Products" ALTER COLUMN "SearchNameVector" SET STORAGE MAIN""");
        }
    }
}
