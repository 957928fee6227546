using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mirae.Web.Data.Migrations;

/// <summary>The evaluator pool, each call's panel with its assignments and scores, and confirmed selections.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123050000_Evaluation")]
public sealed class Evaluation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Evaluators",
            columns: table => new
            {
                Id = table.Identity<int>(),
                Email = table.Column<string>(maxLength: 256, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Affiliation = table.Column<string>(maxLength: 200, nullable: false),
                AffiliationBusinessNumber = table.Column<string>(maxLength: 10, nullable: true),
                Fields = table.Column<string>(maxLength: 2000, nullable: false),
                History = table.Column<string>(nullable: false),
                DeclaredRelations = table.Column<string>(nullable: false),
                Active = table.Column<bool>(nullable: false),
                UserId = table.Column<Guid>(nullable: true),
                InvitationHash = table.Column<string>(maxLength: 64, nullable: false),
                InvitedAt = table.Instant(migrationBuilder),
                JoinedAt = table.Instant(migrationBuilder, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Evaluators", x => x.Id));
        migrationBuilder.CreateIndex("IX_Evaluators_Email", "Evaluators", "Email", unique: true);
        migrationBuilder.CreateIndex("IX_Evaluators_InvitationHash", "Evaluators", "InvitationHash", unique: true);
        migrationBuilder.CreateIndex("IX_Evaluators_UserId", "Evaluators", "UserId", unique: true);

        migrationBuilder.CreateTable(
            name: "Panels",
            columns: table => new
            {
                Id = table.Identity<int>(),
                CallId = table.Column<int>(nullable: false),
                EvaluatorsPerApplication = table.Column<int>(nullable: false),
                Aggregation = table.Column<string>(maxLength: 20, nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
                ClosedAt = table.Instant(migrationBuilder, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Panels", x => x.Id);
                table.ForeignKey("FK_Panels_Calls_CallId", x => x.CallId, "Calls", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Panels_CallId", "Panels", "CallId", unique: true);

        migrationBuilder.CreateTable(
            name: "Assignments",
            columns: table => new
            {
                Id = table.Identity<int>(),
                PanelId = table.Column<int>(nullable: false),
                ApplicationId = table.Column<int>(nullable: false),
                EvaluatorId = table.Column<int>(nullable: false),
                AssignedAt = table.Instant(migrationBuilder),
                ManualReason = table.Column<string>(maxLength: 500, nullable: true),
                DeclaredAt = table.Instant(migrationBuilder, nullable: true),
                Conflicted = table.Column<bool>(nullable: false),
                ConflictNote = table.Column<string>(maxLength: 500, nullable: true),
                Points = table.Column<string>(nullable: false),
                Opinion = table.Column<string>(maxLength: 2000, nullable: false),
                Score = table.Column<int>(nullable: true),
                SubmittedAt = table.Instant(migrationBuilder, nullable: true),
                RemindedAt = table.Instant(migrationBuilder, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Assignments", x => x.Id);
                table.ForeignKey("FK_Assignments_Panels_PanelId", x => x.PanelId, "Panels", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Assignments_Evaluators_EvaluatorId", x => x.EvaluatorId, "Evaluators", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Assignments_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Assignments_PanelId_ApplicationId_EvaluatorId", "Assignments", ["PanelId", "ApplicationId", "EvaluatorId"], unique: true);
        migrationBuilder.CreateIndex("IX_Assignments_EvaluatorId", "Assignments", "EvaluatorId");
        migrationBuilder.CreateIndex("IX_Assignments_ApplicationId", "Assignments", "ApplicationId");

        migrationBuilder.CreateTable(
            name: "SelectionDecisions",
            columns: table => new
            {
                Id = table.Identity<int>(),
                CallId = table.Column<int>(nullable: false),
                Problem = table.Column<string>(nullable: false),
                Selected = table.Column<string>(nullable: false),
                Note = table.Column<string>(maxLength: 2000, nullable: false),
                ConfirmedById = table.Column<Guid>(nullable: false),
                ConfirmedAt = table.Instant(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SelectionDecisions", x => x.Id);
                table.ForeignKey("FK_SelectionDecisions_Calls_CallId", x => x.CallId, "Calls", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_SelectionDecisions_CallId", "SelectionDecisions", "CallId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SelectionDecisions");
        migrationBuilder.DropTable("Assignments");
        migrationBuilder.DropTable("Panels");
        migrationBuilder.DropTable("Evaluators");
    }
}
