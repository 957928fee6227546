using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mirae.Web.Data.Migrations;

/// <summary>Buyers' needs for materials and the suppliers invited to invited-only ones.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123060000_Needs")]
public sealed class Needs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
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
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("NeedInvitations");
        migrationBuilder.DropTable("Needs");
    }
}
