using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

namespace Mirae.Web.Data.Migrations;

/// <summary>The directory: organizations, the material category tree, materials, products, specifications, certificates, search.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122050000_Directory")]
public sealed class Directory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Organizations",
            columns: table => new
            {
                Id = table.Identity<int>(),
                BusinessNumber = table.Column<string>(maxLength: 10, nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                NameKo = table.Column<string>(maxLength: 200, nullable: false),
                NameEn = table.Column<string>(maxLength: 200, nullable: true),
                RegionKo = table.Column<string>(maxLength: 100, nullable: true),
                RegionEn = table.Column<string>(maxLength: 100, nullable: true),
                Employees = table.Column<int>(nullable: true),
                FoundedYear = table.Column<int>(nullable: true),
                Website = table.Column<string>(maxLength: 300, nullable: true),
                UpdatedAt = table.Instant(migrationBuilder),
            },
            constraints: table => table.PrimaryKey("PK_Organizations", x => x.Id));

        migrationBuilder.CreateTable(
            name: "MaterialCategories",
            columns: table => new
            {
                Id = table.Identity<int>(),
                ParentId = table.Column<int>(nullable: true),
                NameKo = table.Column<string>(maxLength: 100, nullable: false),
                NameEn = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MaterialCategories", x => x.Id);
                table.ForeignKey("FK_MaterialCategories_MaterialCategories_ParentId", x => x.ParentId, "MaterialCategories", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Materials",
            columns: table => new
            {
                Id = table.Identity<int>(),
                Code = table.Column<string>(maxLength: 40, nullable: false),
                CategoryId = table.Column<int>(nullable: false),
                NameKo = table.Column<string>(maxLength: 200, nullable: false),
                NameEn = table.Column<string>(maxLength: 200, nullable: false),
                HsCode = table.Column<string>(maxLength: 6, nullable: true),
                LocalizationTargetYear = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Materials", x => x.Id);
                table.ForeignKey("FK_Materials_MaterialCategories_CategoryId", x => x.CategoryId, "MaterialCategories", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Products",
            columns: table => new
            {
                Id = table.Identity<int>(),
                OrganizationId = table.Column<int>(nullable: false),
                MaterialId = table.Column<int>(nullable: false),
                Code = table.Column<string>(maxLength: 60, nullable: false),
                NameKo = table.Column<string>(maxLength: 300, nullable: false),
                NameEn = table.Column<string>(maxLength: 300, nullable: true),
                DescriptionKo = table.Column<string>(maxLength: 4000, nullable: true),
                DescriptionEn = table.Column<string>(maxLength: 4000, nullable: true),
                SearchName = table.Column<string>(nullable: false),
                SearchBody = table.Column<string>(nullable: false),
                UpdatedAt = table.Instant(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Products", x => x.Id);
                table.ForeignKey("FK_Products_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Products_Materials_MaterialId", x => x.MaterialId, "Materials", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ProductSpecification",
            columns: table => new
            {
                Id = table.Identity<int>(),
                ProductId = table.Column<int>(nullable: false),
                Key = table.Column<string>(maxLength: 100, nullable: false),
                Value = table.Column<string>(maxLength: 300, nullable: false),
                Position = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProductSpecification", x => x.Id);
                table.ForeignKey("FK_ProductSpecification_Products_ProductId", x => x.ProductId, "Products", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ProductCertificates",
            columns: table => new
            {
                Id = table.Identity<int>(),
                ProductId = table.Column<int>(nullable: false),
                Code = table.Column<string>(maxLength: 40, nullable: false),
                IssuedOn = table.Column<DateOnly>(nullable: false),
                ExpiresOn = table.Column<DateOnly>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProductCertificates", x => x.Id);
                table.ForeignKey("FK_ProductCertificates_Products_ProductId", x => x.ProductId, "Products", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Organizations_BusinessNumber", "Organizations", "BusinessNumber", unique: true);
        migrationBuilder.CreateIndex("IX_Organizations_RegionKo", "Organizations", "RegionKo");
        migrationBuilder.CreateIndex("IX_MaterialCategories_ParentId_NameKo", "MaterialCategories", ["ParentId", "NameKo"], unique: true);
        migrationBuilder.CreateIndex("IX_Materials_Code", "Materials", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_Materials_CategoryId", "Materials", "CategoryId");
        migrationBuilder.CreateIndex("IX_Products_OrganizationId_Code", "Products", ["OrganizationId", "Code"], unique: true);
        migrationBuilder.CreateIndex("IX_Products_MaterialId", "Products", "MaterialId");
        migrationBuilder.CreateIndex("IX_Products_UpdatedAt", "Products", "UpdatedAt");
        migrationBuilder.CreateIndex("IX_ProductSpecification_ProductId", "ProductSpecification", "ProductId");
        migrationBuilder.CreateIndex("IX_ProductCertificates_ProductId", "ProductCertificates", "ProductId");
        migrationBuilder.CreateIndex("IX_ProductCertificates_Code_ExpiresOn", "ProductCertificates", ["Code", "ExpiresOn"]);
        // The search engines (ADR 006), as they were created at this migration; the model knows only the PostgreSQL column.
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE ProductSearch USING fts5(SearchName, SearchBody, content='Products', content_rowid='Id', prefix='1 2 3');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ProductSearch_Insert AFTER INSERT ON Products BEGIN
                  INSERT INTO ProductSearch(rowid, SearchName, SearchBody) VALUES (new.Id, new.SearchName, new.SearchBody);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ProductSearch_Delete AFTER DELETE ON Products BEGIN
                  INSERT INTO ProductSearch(ProductSearch, rowid, SearchName, SearchBody) VALUES ('delete', old.Id, old.SearchName, old.SearchBody);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ProductSearch_Update AFTER UPDATE OF SearchName, SearchBody ON Products BEGIN
                  INSERT INTO ProductSearch(ProductSearch, rowid, SearchName, SearchBody) VALUES ('delete', old.Id, old.SearchName, old.SearchBody);
                  INSERT INTO ProductSearch(rowid, SearchName, SearchBody) VALUES (new.Id, new.SearchName, new.SearchBody);
                END;
                """);
        }
        else
        {
            migrationBuilder.AddColumn<NpgsqlTsVector>("SearchVector", "Products", nullable: true, computedColumnSql: "setweight(to_tsvector('simple'::regconfig, \"SearchName\"), 'A') || setweight(to_tsvector('simple'::regconfig, \"SearchBody\"), 'B')", stored: true);
            migrationBuilder.CreateIndex("IX_Products_SearchVector", "Products", "SearchVector").Annotation("Npgsql:IndexMethod", "GIN");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS ProductSearch;");
        }
        foreach (var table in new[] { "ProductCertificates", "ProductSpecification", "Products", "Materials", "MaterialCategories", "Organizations" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
