using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mirae.Web.Data.Migrations;

/// <summary>Approved members invite colleagues to act for their organization (Features/Directory/ColleagueInvitation).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261203210000_ColleagueInvitations")]
public sealed class ColleagueInvitations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ColleagueInvitations",
            columns: table => new
            {
                Id = table.Identity<int>(),
                OrganizationId = table.Column<int>(nullable: false),
                Email = table.Column<string>(maxLength: 256, nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                InvitedById = table.Column<Guid>(nullable: false),
                InvitedAt = table.Instant(migrationBuilder),
                AcceptedAt = table.Instant(migrationBuilder, nullable: true),
                AcceptedById = table.Column<Guid>(nullable: true),
                CancelledAt = table.Instant(migrationBuilder, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ColleagueInvitations", x => x.Id);
                table.ForeignKey("FK_ColleagueInvitations_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ColleagueInvitations_OrganizationId", "ColleagueInvitations", "OrganizationId");
        migrationBuilder.CreateIndex("IX_ColleagueInvitations_TokenHash", "ColleagueInvitations", "TokenHash", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ColleagueInvitations");
}
