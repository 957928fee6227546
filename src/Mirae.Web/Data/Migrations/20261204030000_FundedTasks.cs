using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mirae.Web.Data.Migrations;

/// <summary>Funded tasks (issue 20): a call's funding ratios; tasks, their tranches, agreement versions and researchers.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261204030000_FundedTasks")]
public sealed class FundedTasks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Calls made before this migration keep the usual national ratios (Features/Calls: FundingRules.Default).
        migrationBuilder.AddColumn<string>("Funding", "Calls", maxLength: 500, nullable: false,
            defaultValue: """{"ownShareMinPercent":25,"ownCashMinPercentOfOwn":10,"indirectMaxPercentOfDirect":10,"allowanceMaxPercentOfPersonnel":20}""");

        migrationBuilder.AddColumn<string>("AgreementTemplate", "Calls", maxLength: 4000, nullable: false, defaultValue: "");

        migrationBuilder.CreateTable(
            name: "FundedTasks",
            columns: table => new
            {
                Id = table.Identity<int>(),
                Number = table.Column<string>(maxLength: 20, nullable: false),
                CallId = table.Column<int>(nullable: false),
                ApplicationId = table.Column<int>(nullable: false),
                OrganizationId = table.Column<int>(nullable: false),
                TitleKo = table.Column<string>(maxLength: 200, nullable: false),
                Goal = table.Column<string>(maxLength: 2000, nullable: false),
                StartsOn = table.Column<DateOnly>(nullable: false),
                EndsOn = table.Column<DateOnly>(nullable: false),
                Grant = table.Column<long>(nullable: false),
                Rules = table.Column<string>(maxLength: 500, nullable: false),
                Budget = table.Column<string>(maxLength: 4000, nullable: false),
                Obligations = table.Column<string>(maxLength: 4000, nullable: false),
                Status = table.Column<string>(maxLength: 30, nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
                InterimAcceptedAt = table.Instant(migrationBuilder, nullable: true),
                SettlementSharedAt = table.Instant(migrationBuilder, nullable: true),
                Objection = table.Column<string>(maxLength: 2000, nullable: true),
                ObjectedAt = table.Instant(migrationBuilder, nullable: true),
                SettledAt = table.Instant(migrationBuilder, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FundedTasks", x => x.Id);
                table.ForeignKey("FK_FundedTasks_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_FundedTasks_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_FundedTasks_Number", "FundedTasks", "Number", unique: true);
        migrationBuilder.CreateIndex("IX_FundedTasks_ApplicationId", "FundedTasks", "ApplicationId", unique: true);
        migrationBuilder.CreateIndex("IX_FundedTasks_OrganizationId", "FundedTasks", "OrganizationId");

        migrationBuilder.CreateTable(
            name: "Installments",
            columns: table => new
            {
                Id = table.Identity<int>(),
                TaskId = table.Column<int>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                Amount = table.Column<long>(nullable: false),
                Condition = table.Column<string>(maxLength: 30, nullable: false),
                PaidAt = table.Instant(migrationBuilder, nullable: true),
                PaidById = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Installments", x => x.Id);
                table.ForeignKey("FK_Installments_FundedTasks_TaskId", x => x.TaskId, "FundedTasks", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Installments_TaskId_Sequence", "Installments", ["TaskId", "Sequence"], unique: true);

        migrationBuilder.CreateTable(
            name: "TaskAgreements",
            columns: table => new
            {
                Id = table.Identity<int>(),
                TaskId = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Terms = table.Column<string>(nullable: false),
                IssuedAt = table.Instant(migrationBuilder),
                IssuedById = table.Column<Guid>(nullable: false),
                AcceptedAt = table.Instant(migrationBuilder, nullable: true),
                AcceptedById = table.Column<Guid>(nullable: true),
                WithdrawnAt = table.Instant(migrationBuilder, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaskAgreements", x => x.Id);
                table.ForeignKey("FK_TaskAgreements_FundedTasks_TaskId", x => x.TaskId, "FundedTasks", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_TaskAgreements_TaskId_Number", "TaskAgreements", ["TaskId", "Number"], unique: true);

        migrationBuilder.CreateTable(
            name: "TaskResearchers",
            columns: table => new
            {
                Id = table.Identity<int>(),
                TaskId = table.Column<int>(nullable: false),
                ResearcherNumber = table.Column<string>(maxLength: 8, nullable: false),
                Name = table.Column<string>(maxLength: 50, nullable: false),
                Role = table.Column<string>(maxLength: 30, nullable: false),
                FromMonth = table.Column<DateOnly>(nullable: false),
                ToMonth = table.Column<DateOnly>(nullable: false),
                RatePercent = table.Column<int>(nullable: false),
                AffiliationNumber = table.Column<string>(maxLength: 10, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaskResearchers", x => x.Id);
                table.ForeignKey("FK_TaskResearchers_FundedTasks_TaskId", x => x.TaskId, "FundedTasks", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_TaskResearchers_TaskId_ResearcherNumber", "TaskResearchers", ["TaskId", "ResearcherNumber"], unique: true);
        migrationBuilder.CreateIndex("IX_TaskResearchers_ResearcherNumber", "TaskResearchers", "ResearcherNumber");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("TaskResearchers");
        migrationBuilder.DropTable("TaskAgreements");
        migrationBuilder.DropTable("Installments");
        migrationBuilder.DropTable("FundedTasks");
        migrationBuilder.DropColumn("Funding", "Calls");
        migrationBuilder.DropColumn("AgreementTemplate", "Calls");
    }
}
