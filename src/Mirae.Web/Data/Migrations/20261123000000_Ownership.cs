using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mirae.Web.Data.Migrations;

/// <summary>
/// Ownership of directory entries (memberships), product documents with their stored files, the in-app
/// notification inbox and the scheduler's job table.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123000000_Ownership")]
public sealed class Ownership : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OrganizationMemberships",
            columns: table => new
            {
                Id = table.Identity<int>(),
                OrganizationId = table.Column<int>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                RequestedAt = table.Instant(migrationBuilder),
                DecidedAt = table.Instant(migrationBuilder, nullable: true),
                DecidedById = table.Column<Guid>(nullable: true),
                Reason = table.Column<string>(maxLength: 300, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OrganizationMemberships", x => x.Id);
                table.ForeignKey("FK_OrganizationMemberships_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_OrganizationMemberships_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "StoredFiles",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FileName = table.Column<string>(maxLength: 200, nullable: false),
                Type = table.Column<string>(maxLength: 10, nullable: false),
                Length = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
            },
            constraints: table => table.PrimaryKey("PK_StoredFiles", x => x.Id));

        migrationBuilder.CreateTable(
            name: "StoredFileContents",
            columns: table => new
            {
                FileId = table.Column<Guid>(nullable: false),
                Bytes = table.Column<byte[]>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StoredFileContents", x => x.FileId);
                table.ForeignKey("FK_StoredFileContents_StoredFiles_FileId", x => x.FileId, "StoredFiles", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ProductDocuments",
            columns: table => new
            {
                Id = table.Identity<int>(),
                ProductId = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                FileId = table.Column<Guid>(nullable: false),
                UploadedById = table.Column<Guid>(nullable: false),
                UploadedAt = table.Instant(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProductDocuments", x => x.Id);
                table.ForeignKey("FK_ProductDocuments_Products_ProductId", x => x.ProductId, "Products", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ProductDocuments_StoredFiles_FileId", x => x.FileId, "StoredFiles", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: table => new
            {
                Id = table.Identity<long>(),
                RecipientId = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(maxLength: 200, nullable: false),
                MessageKey = table.Column<string>(maxLength: 100, nullable: false),
                Arguments = table.Column<string>(maxLength: 2000, nullable: false),
                Link = table.Column<string>(maxLength: 300, nullable: true),
                CreatedAt = table.Instant(migrationBuilder),
                ReadAt = table.Instant(migrationBuilder, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Notifications", x => x.Id);
                table.ForeignKey("FK_Notifications_AspNetUsers_RecipientId", x => x.RecipientId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ScheduledJobs",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: 100, nullable: false),
                NextRunAt = table.Instant(migrationBuilder),
                LeaseOwner = table.Column<string>(maxLength: 100, nullable: true),
                LeaseUntil = table.Instant(migrationBuilder, nullable: true),
                LastStartedAt = table.Instant(migrationBuilder, nullable: true),
                LastFinishedAt = table.Instant(migrationBuilder, nullable: true),
                LastResult = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ScheduledJobs", x => x.Name));

        migrationBuilder.CreateIndex("IX_OrganizationMemberships_UserId_OrganizationId", "OrganizationMemberships", ["UserId", "OrganizationId"], unique: true);
        migrationBuilder.CreateIndex("IX_OrganizationMemberships_OrganizationId", "OrganizationMemberships", "OrganizationId");
        migrationBuilder.CreateIndex("IX_OrganizationMemberships_Status_RequestedAt", "OrganizationMemberships", ["Status", "RequestedAt"]);
        migrationBuilder.CreateIndex("IX_ProductDocuments_FileId", "ProductDocuments", "FileId", unique: true);
        migrationBuilder.CreateIndex("IX_ProductDocuments_ProductId", "ProductDocuments", "ProductId");
        migrationBuilder.CreateIndex("IX_Notifications_RecipientId_Key", "Notifications", ["RecipientId", "Key"], unique: true);
        migrationBuilder.CreateIndex("IX_Notifications_RecipientId_CreatedAt", "Notifications", ["RecipientId", "CreatedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "ScheduledJobs", "Notifications", "ProductDocuments", "StoredFileContents", "StoredFiles", "OrganizationMemberships" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
