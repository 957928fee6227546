using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Mirae.Web.Features.Directory;

namespace Mirae.Web.Data.Migrations;

/// <summary>
/// On SQLite, an FTS5 index of the product names alone, filled from the products already there, beside the one of
/// everything: the name tier of a search reads only name postings, as it does on PostgreSQL (ADR 006).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration(Id)]
public sealed class NameSearch : Migration
{
    public const string Id = "20261201000000_NameSearch";

    protected override void Up(MigrationBuilder migrationBuilder) => ProductSearch.CreateSqliteNameIndex(migrationBuilder);
}
