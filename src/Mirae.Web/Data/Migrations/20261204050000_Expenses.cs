using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mirae.Web.Data.Migrations;

/// <summary>Expenses of funded tasks with their evidence files (issue 20).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261204050000_Expenses")]
public sealed class Expenses : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Expenses",
            columns: table => new
            {
                Id = table.Identity<int>(),
                TaskId = table.Column<int>(nullable: false),
                SpentOn = table.Column<DateOnly>(nullable: false),
                Category = table.Column<string>(maxLength: 30, nullable: false),
                Amount = table.Column<long>(nullable: false),
                VendorNumber = table.Column<string>(maxLength: 10, nullable: false),
                VendorName = table.Column<string>(maxLength: 200, nullable: false),
                Purpose = table.Column<string>(maxLength: 500, nullable: false),
                EvidenceId = table.Column<Guid>(nullable: true),
                Source = table.Column<string>(maxLength: 20, nullable: false),
                DisallowedAmount = table.Column<long>(nullable: false),
                DisallowReason = table.Column<string>(maxLength: 500, nullable: true),
                RecordedById = table.Column<Guid>(nullable: false),
                RecordedAt = table.Instant(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Expenses", x => x.Id);
                table.ForeignKey("FK_Expenses_FundedTasks_TaskId", x => x.TaskId, "FundedTasks", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Expenses_StoredFiles_EvidenceId", x => x.EvidenceId, "StoredFiles", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Expenses_TaskId_SpentOn", "Expenses", ["TaskId", "SpentOn"]);
        migrationBuilder.CreateIndex("IX_Expenses_EvidenceId", "Expenses", "EvidenceId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Expenses");
}
