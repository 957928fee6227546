using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mirae.Web.Data.Migrations;

/// <summary>Buyers' needs (and the suppliers invited to invited-only ones), buyers' qualifications of products, suppliers' change notices with their acknowledgements, and pre-consultation sessions with their slots.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123060000_Needs")]
public sealed class Needs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>("AnnualImportValue", "Materials", nullable: true);

        migrationBuilder.CreateTable(
            name: "Needs",
            columns: table => new
            {
                Id = table.Identity<int>(),
                BuyerId = table.Column<int>(nullable: false),
                MaterialId = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: false),
                Requirements = table.Column<string>(nullable: false),
                RequiredCertificates = table.Column<string>(maxLength: 1000, nullable: false),
                AnnualVolume = table.Column<string>(maxLength: 100, nullable: false),
                NeededBy = table.Column<DateOnly>(nullable: true),
                Visibility = table.Column<string>(maxLength: 20, nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                CreatedById = table.Column<Guid>(nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
                UpdatedAt = table.Instant(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Needs", x => x.Id);
                table.ForeignKey("FK_Needs_Organizations_BuyerId", x => x.BuyerId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Needs_Materials_MaterialId", x => x.MaterialId, "Materials", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Needs_Status_Visibility", "Needs", ["Status", "Visibility"]);
        migrationBuilder.CreateIndex("IX_Needs_BuyerId", "Needs", "BuyerId");
        migrationBuilder.CreateIndex("IX_Needs_MaterialId", "Needs", "MaterialId");

        migrationBuilder.CreateTable(
            name: "NeedInvitations",
            columns: table => new
            {
                Id = table.Identity<int>(),
                NeedId = table.Column<int>(nullable: false),
                BusinessNumber = table.Column<string>(maxLength: 10, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NeedInvitations", x => x.Id);
                table.ForeignKey("FK_NeedInvitations_Needs_NeedId", x => x.NeedId, "Needs", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_NeedInvitations_NeedId_BusinessNumber", "NeedInvitations", ["NeedId", "BusinessNumber"], unique: true);
        migrationBuilder.CreateIndex("IX_NeedInvitations_BusinessNumber", "NeedInvitations", "BusinessNumber");

        migrationBuilder.CreateTable(
            name: "NeedInterests",
            columns: table => new
            {
                Id = table.Identity<int>(),
                NeedId = table.Column<int>(nullable: false),
                SupplierId = table.Column<int>(nullable: false),
                Message = table.Column<string>(maxLength: 2000, nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                At = table.Instant(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NeedInterests", x => x.Id);
                table.ForeignKey("FK_NeedInterests_Needs_NeedId", x => x.NeedId, "Needs", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_NeedInterests_Organizations_SupplierId", x => x.SupplierId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_NeedInterests_NeedId_SupplierId", "NeedInterests", ["NeedId", "SupplierId"], unique: true);
        migrationBuilder.CreateIndex("IX_NeedInterests_SupplierId", "NeedInterests", "SupplierId");

        migrationBuilder.CreateTable(
            name: "Qualifications",
            columns: table => new
            {
                Id = table.Identity<int>(),
                BuyerId = table.Column<int>(nullable: false),
                ProductId = table.Column<int>(nullable: false),
                Decision = table.Column<string>(maxLength: 20, nullable: false),
                NextReviewOn = table.Column<DateOnly>(nullable: true),
                Shared = table.Column<bool>(nullable: false),
                Summary = table.Column<string>(maxLength: 2000, nullable: false),
                Tests = table.Column<string>(nullable: false),
                SupplyingSince = table.Column<DateOnly>(nullable: true),
                RecordedById = table.Column<Guid>(nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
                UpdatedAt = table.Instant(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Qualifications", x => x.Id);
                table.ForeignKey("FK_Qualifications_Organizations_BuyerId", x => x.BuyerId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Qualifications_Products_ProductId", x => x.ProductId, "Products", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Qualifications_BuyerId_ProductId", "Qualifications", ["BuyerId", "ProductId"], unique: true);
        migrationBuilder.CreateIndex("IX_Qualifications_ProductId", "Qualifications", "ProductId");

        migrationBuilder.CreateTable(
            name: "ChangeNotices",
            columns: table => new
            {
                Id = table.Identity<int>(),
                ProductId = table.Column<int>(nullable: false),
                Category = table.Column<string>(maxLength: 20, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: false),
                AffectedLots = table.Column<string>(maxLength: 500, nullable: false),
                EffectiveOn = table.Column<DateOnly>(nullable: false),
                FiledById = table.Column<Guid>(nullable: false),
                FiledAt = table.Instant(migrationBuilder),
                FileId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChangeNotices", x => x.Id);
                table.ForeignKey("FK_ChangeNotices_Products_ProductId", x => x.ProductId, "Products", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ChangeNotices_StoredFiles_FileId", x => x.FileId, "StoredFiles", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ChangeNotices_ProductId", "ChangeNotices", "ProductId");
        migrationBuilder.CreateIndex("IX_ChangeNotices_FileId", "ChangeNotices", "FileId", unique: true);

        migrationBuilder.CreateTable(
            name: "ChangeAcknowledgements",
            columns: table => new
            {
                Id = table.Identity<int>(),
                ChangeNoticeId = table.Column<int>(nullable: false),
                BuyerId = table.Column<int>(nullable: false),
                AcknowledgedAt = table.Instant(migrationBuilder, nullable: true),
                AcknowledgedById = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChangeAcknowledgements", x => x.Id);
                table.ForeignKey("FK_ChangeAcknowledgements_ChangeNotices_ChangeNoticeId", x => x.ChangeNoticeId, "ChangeNotices", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ChangeAcknowledgements_Organizations_BuyerId", x => x.BuyerId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ChangeAcknowledgements_ChangeNoticeId_BuyerId", "ChangeAcknowledgements", ["ChangeNoticeId", "BuyerId"], unique: true);
        migrationBuilder.CreateIndex("IX_ChangeAcknowledgements_BuyerId", "ChangeAcknowledgements", "BuyerId");

        migrationBuilder.CreateTable(
            name: "ConsultationSessions",
            columns: table => new
            {
                Id = table.Identity<int>(),
                MaterialId = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Place = table.Column<string>(maxLength: 200, nullable: false),
                VideoLink = table.Column<string>(maxLength: 500, nullable: true),
                StartsAt = table.Instant(migrationBuilder),
                SlotMinutes = table.Column<int>(nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConsultationSessions", x => x.Id);
                table.ForeignKey("FK_ConsultationSessions_Materials_MaterialId", x => x.MaterialId, "Materials", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ConsultationSessions_MaterialId", "ConsultationSessions", "MaterialId");

        migrationBuilder.CreateTable(
            name: "ConsultationSlots",
            columns: table => new
            {
                Id = table.Identity<int>(),
                SessionId = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                StartsAt = table.Instant(migrationBuilder),
                EndsAt = table.Instant(migrationBuilder),
                BuyerId = table.Column<int>(nullable: true),
                SupplierId = table.Column<int>(nullable: true),
                Outcome = table.Column<string>(maxLength: 2000, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConsultationSlots", x => x.Id);
                table.ForeignKey("FK_ConsultationSlots_ConsultationSessions_SessionId", x => x.SessionId, "ConsultationSessions", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ConsultationSlots_Organizations_BuyerId", x => x.BuyerId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ConsultationSlots_Organizations_SupplierId", x => x.SupplierId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ConsultationSlots_SessionId_Number", "ConsultationSlots", ["SessionId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_ConsultationSlots_BuyerId", "ConsultationSlots", "BuyerId");
        migrationBuilder.CreateIndex("IX_ConsultationSlots_SupplierId", "ConsultationSlots", "SupplierId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ConsultationSlots");
        migrationBuilder.DropTable("ConsultationSessions");
        migrationBuilder.DropTable("ChangeAcknowledgements");
        migrationBuilder.DropTable("ChangeNotices");
        migrationBuilder.DropTable("Qualifications");
        migrationBuilder.DropTable("NeedInterests");
        migrationBuilder.DropTable("NeedInvitations");
        migrationBuilder.DropColumn("AnnualImportValue", "Materials");
        migrationBuilder.DropTable("Needs");
    }
}
