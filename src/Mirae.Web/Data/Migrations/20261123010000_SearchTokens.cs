using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Mirae.Web.Features.Directory;

namespace Mirae.Web.Data.Migrations;

/// <summary>
/// Search text with one token per Korean word of up to four syllables, and on PostgreSQL a names-only tsvector
/// with its own GIN index (ADR 006). The products' search text is recomputed by the app right after this
/// migration is applied (<see cref="DataModule.PrepareDatabaseAsync"/>), since the analyzer is C#.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration(Id)]
public sealed class SearchTokens : Migration
{
    public const string Id = "20261123010000_SearchTokens";

    protected override void Up(MigrationBuilder migrationBuilder) => ProductSearch.CreateNameVector(migrationBuilder);
}
