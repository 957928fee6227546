using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mirae.Web.Data.Migrations;

/// <summary>A call's application form and document templates, and applications with their submitted revisions and attached files.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123040000_Applications")]
public sealed class Applications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("Form", "Calls", nullable: false, defaultValue: "[]");

        migrationBuilder.CreateTable(
            name: "Applications",
            columns: table => new
            {
                Id = table.Identity<int>(),
                CallId = table.Column<int>(nullable: false),
                OrganizationId = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                Answers = table.Column<string>(nullable: false),
                ReceiptNumber = table.Column<string>(maxLength: 30, nullable: true),
                CreatedById = table.Column<Guid>(nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
                UpdatedAt = table.Instant(migrationBuilder),
                SubmittedAt = table.Instant(migrationBuilder, nullable: true),
                RequestedAmount = table.Column<decimal>(type: migrationBuilder.IsSqlite() ? "INTEGER" : "numeric(18,0)", nullable: true),
                StaffMessage = table.Column<string>(maxLength: 2000, nullable: true),
                ReturnedUntil = table.Instant(migrationBuilder, nullable: true),
                DecidedAt = table.Instant(migrationBuilder, nullable: true),
                DecidedById = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Applications", x => x.Id);
                table.ForeignKey("FK_Applications_Calls_CallId", x => x.CallId, "Calls", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Applications_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ApplicationRevisions",
            columns: table => new
            {
                Id = table.Identity<int>(),
                ApplicationId = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Answers = table.Column<string>(nullable: false),
                SubmittedById = table.Column<Guid>(nullable: false),
                SubmittedAt = table.Instant(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApplicationRevisions", x => x.Id);
                table.ForeignKey("FK_ApplicationRevisions_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CallTemplates",
            columns: table => new
            {
                Id = table.Identity<int>(),
                CallId = table.Column<int>(nullable: false),
                DocumentIndex = table.Column<int>(nullable: false),
                FileId = table.Column<Guid>(nullable: false),
                UploadedAt = table.Instant(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CallTemplates", x => x.Id);
                table.ForeignKey("FK_CallTemplates_Calls_CallId", x => x.CallId, "Calls", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CallTemplates_StoredFiles_FileId", x => x.FileId, "StoredFiles", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CallTemplates_CallId_DocumentIndex", "CallTemplates", ["CallId", "DocumentIndex"], unique: true);
        migrationBuilder.CreateIndex("IX_CallTemplates_FileId", "CallTemplates", "FileId", unique: true);

        migrationBuilder.CreateTable(
            name: "ApplicationAttachments",
            columns: table => new
            {
                Id = table.Identity<int>(),
                ApplicationId = table.Column<int>(nullable: false),
                FieldKey = table.Column<string>(maxLength: 40, nullable: false),
                FileId = table.Column<Guid>(nullable: false),
                UploadedById = table.Column<Guid>(nullable: false),
                UploadedAt = table.Instant(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApplicationAttachments", x => x.Id);
                table.ForeignKey("FK_ApplicationAttachments_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ApplicationAttachments_StoredFiles_FileId", x => x.FileId, "StoredFiles", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_ApplicationAttachments_ApplicationId", "ApplicationAttachments", "ApplicationId");
        migrationBuilder.CreateIndex("IX_ApplicationAttachments_FileId", "ApplicationAttachments", "FileId", unique: true);
        migrationBuilder.CreateIndex("IX_Applications_CallId_OrganizationId", "Applications", ["CallId", "OrganizationId"], unique: true);
        migrationBuilder.CreateIndex("IX_Applications_OrganizationId", "Applications", "OrganizationId");
        migrationBuilder.CreateIndex("IX_Applications_ReceiptNumber", "Applications", "ReceiptNumber", unique: true);
        migrationBuilder.CreateIndex("IX_ApplicationRevisions_ApplicationId_Number", "ApplicationRevisions", ["ApplicationId", "Number"], unique: true);
    }
}
