using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

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

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsSqlite())
        {
            return;
        }
        migrationBuilder.Sql("""
            CREATE VIRTUAL TABLE ProductNameSearch USING fts5(SearchName, content='Products', content_rowid='Id', prefix='1 2 3');
            """);
        migrationBuilder.Sql("INSERT INTO ProductNameSearch(ProductNameSearch) VALUES ('rebuild');");
        migrationBuilder.Sql("""
            CREATE TRIGGER ProductNameSearch_Insert AFTER INSERT ON Products BEGIN
              INSERT INTO ProductNameSearch(rowid, SearchName) VALUES (new.Id, new.SearchName);
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER ProductNameSearch_Delete AFTER DELETE ON Products BEGIN
              INSERT INTO ProductNameSearch(ProductNameSearch, rowid, SearchName) VALUES ('delete', old.Id, old.SearchName);
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER ProductNameSearch_Update AFTER UPDATE OF SearchName ON Products BEGIN
              INSERT INTO ProductNameSearch(ProductNameSearch, rowid, SearchName) VALUES ('delete', old.Id, old.SearchName);
              INSERT INTO ProductNameSearch(rowid, SearchName) VALUES (new.Id, new.SearchName);
            END;
            """);
    }
}
