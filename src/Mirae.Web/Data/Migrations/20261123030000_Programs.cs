using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mirae.Web.Data.Migrations;

/// <summary>Support programs and their calls (window, budget, eligibility, documents, rubric) with deadline extensions.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123030000_Programs")]
public sealed class Programs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Whole won: an integer on SQLite, numeric(18,0) on PostgreSQL.
        var money = migrationBuilder.IsSqlite() ? "INTEGER" : "numeric(18,0)";

        migrationBuilder.CreateTable(
            name: "Programs",
            columns: table => new
            {
                Id = table.Identity<int>(),
                Kind = table.Column<string>(maxLength: 30, nullable: false),
                NameKo = table.Column<string>(maxLength: 200, nullable: false),
                NameEn = table.Column<string>(maxLength: 200, nullable: false),
                DescriptionKo = table.Column<string>(maxLength: 4000, nullable: false),
                DescriptionEn = table.Column<string>(maxLength: 4000, nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
            },
            constraints: table => table.PrimaryKey("PK_Programs", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Calls",
            columns: table => new
            {
                Id = table.Identity<int>(),
                ProgramId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                TitleKo = table.Column<string>(maxLength: 200, nullable: false),
                TitleEn = table.Column<string>(maxLength: 200, nullable: false),
                SummaryKo = table.Column<string>(maxLength: 4000, nullable: false),
                SummaryEn = table.Column<string>(maxLength: 4000, nullable: false),
                OpensAt = table.Instant(migrationBuilder),
                ClosesAt = table.Instant(migrationBuilder),
                TotalBudget = table.Column<decimal>(type: money, nullable: false),
                PerTaskCap = table.Column<decimal>(type: money, nullable: false),
                ExpectedAwards = table.Column<int>(nullable: false),
                Eligibility = table.Column<string>(maxLength: 2000, nullable: false),
                RequiredDocuments = table.Column<string>(maxLength: 8000, nullable: false),
                Rubric = table.Column<string>(maxLength: 8000, nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
                PublishedAt = table.Instant(migrationBuilder, nullable: true),
                ClosedAt = table.Instant(migrationBuilder, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Calls", x => x.Id);
                table.ForeignKey("FK_Calls_Programs_ProgramId", x => x.ProgramId, "Programs", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CallExtensions",
            columns: table => new
            {
                Id = table.Identity<int>(),
                CallId = table.Column<int>(nullable: false),
                PreviousClosesAt = table.Instant(migrationBuilder),
                NewClosesAt = table.Instant(migrationBuilder),
                Reason = table.Column<string>(maxLength: 500, nullable: false),
                StaffId = table.Column<Guid>(nullable: false),
                At = table.Instant(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CallExtensions", x => x.Id);
                table.ForeignKey("FK_CallExtensions_Calls_CallId", x => x.CallId, "Calls", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Calls_ProgramId", "Calls", "ProgramId");
        migrationBuilder.CreateIndex("IX_Calls_Status_ClosesAt", "Calls", ["Status", "ClosesAt"]);
        migrationBuilder.CreateIndex("IX_CallExtensions_CallId", "CallExtensions", "CallId");
    }
}
