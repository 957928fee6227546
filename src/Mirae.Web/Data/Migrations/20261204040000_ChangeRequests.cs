using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mirae.Web.Data.Migrations;

/// <summary>Agreement change requests of funded tasks (issue 20).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261204040000_ChangeRequests")]
public sealed class ChangeRequests : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ChangeRequests",
            columns: table => new
            {
                Id = table.Identity<int>(),
                TaskId = table.Column<int>(nullable: false),
                BasedOnVersion = table.Column<int>(nullable: false),
                Before = table.Column<string>(nullable: false),
                After = table.Column<string>(nullable: false),
                Researcher = table.Column<string>(maxLength: 1000, nullable: true),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: false),
                RequestedById = table.Column<Guid>(nullable: false),
                RequestedAt = table.Instant(migrationBuilder),
                DecidedById = table.Column<Guid>(nullable: true),
                DecidedAt = table.Instant(migrationBuilder, nullable: true),
                DecisionReason = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChangeRequests", x => x.Id);
                table.ForeignKey("FK_ChangeRequests_FundedTasks_TaskId", x => x.TaskId, "FundedTasks", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ChangeRequests_TaskId", "ChangeRequests", "TaskId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ChangeRequests");
}
