using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mirae.Web.Data.Migrations;

/// <summary>The SOS Lab (issue 21): challenges, problems with photos, ideas, supports and reports, lab members with guardian consent, agencies, datasets, trial sessions.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261205000000_SosLab")]
public sealed class SosLab : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "LabAgencies",
            columns: table => new
            {
                Id = table.Identity<int>(),
                Code = table.Column<string>(maxLength: 30, nullable: false),
                NameKo = table.Column<string>(maxLength: 100, nullable: false),
                NameEn = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_LabAgencies", x => x.Id));
        migrationBuilder.CreateIndex("IX_LabAgencies_Code", "LabAgencies", "Code", unique: true);

        migrationBuilder.CreateTable(
            name: "LabAgencyMembers",
            columns: table => new
            {
                AgencyId = table.Column<int>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                AddedAt = table.Instant(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LabAgencyMembers", x => new { x.AgencyId, x.UserId });
                table.ForeignKey("FK_LabAgencyMembers_LabAgencies_AgencyId", x => x.AgencyId, "LabAgencies", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_LabAgencyMembers_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_LabAgencyMembers_UserId", "LabAgencyMembers", "UserId");

        migrationBuilder.CreateTable(
            name: "LabChallenges",
            columns: table => new
            {
                Id = table.Identity<int>(),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                TitleEn = table.Column<string>(maxLength: 200, nullable: true),
                Description = table.Column<string>(maxLength: 4000, nullable: false),
                PhaseStarts = table.Column<string>(maxLength: 1000, nullable: false),
                SupportsPerPerson = table.Column<int>(nullable: false),
                Threshold = table.Column<int>(nullable: false),
                Participation = table.Column<string>(maxLength: 30, nullable: false),
                ChildrenWelcome = table.Column<bool>(nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
            },
            constraints: table => table.PrimaryKey("PK_LabChallenges", x => x.Id));

        migrationBuilder.CreateTable(
            name: "LabMembers",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                Nickname = table.Column<string>(maxLength: 20, nullable: false),
                District = table.Column<string>(maxLength: 30, nullable: true),
                IsChild = table.Column<bool>(nullable: false),
                BirthDate = table.Column<DateOnly>(nullable: true),
                GuardianEmail = table.Column<string>(maxLength: 256, nullable: true),
                ConsentRequestedAt = table.Instant(migrationBuilder, nullable: true),
                ConsentRequestEmailedAt = table.Instant(migrationBuilder, nullable: true),
                ConsentRequestAttempts = table.Column<int>(nullable: false),
                GuardianId = table.Column<Guid>(nullable: true),
                GuardianName = table.Column<string>(maxLength: 50, nullable: true),
                Relation = table.Column<string>(maxLength: 30, nullable: true),
                ConsentedAt = table.Instant(migrationBuilder, nullable: true),
                ConsentedVersion = table.Column<string>(maxLength: 20, nullable: true),
                ConsentWithdrawnAt = table.Instant(migrationBuilder, nullable: true),
                CreatedAt = table.Instant(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LabMembers", x => x.UserId);
                table.ForeignKey("FK_LabMembers_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_LabMembers_AspNetUsers_GuardianId", x => x.GuardianId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_LabMembers_Nickname", "LabMembers", "Nickname", unique: true);
        migrationBuilder.CreateIndex("IX_LabMembers_GuardianId", "LabMembers", "GuardianId");
        migrationBuilder.CreateIndex("IX_LabMembers_ConsentRequestEmailedAt_ConsentRequestedAt", "LabMembers", ["ConsentRequestEmailedAt", "ConsentRequestedAt"]);

        migrationBuilder.CreateTable(
            name: "LabProblems",
            columns: table => new
            {
                Id = table.Identity<int>(),
                ChallengeId = table.Column<int>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 120, nullable: false),
                Description = table.Column<string>(maxLength: 3000, nullable: false),
                Category = table.Column<string>(maxLength: 30, nullable: false),
                District = table.Column<string>(maxLength: 30, nullable: false),
                Status = table.Column<string>(maxLength: 30, nullable: false),
                SupportCount = table.Column<int>(nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
                ReviewSince = table.Instant(migrationBuilder, nullable: true),
                AgencyId = table.Column<int>(nullable: true),
                AssignedAt = table.Instant(migrationBuilder, nullable: true),
                Answer = table.Column<string>(maxLength: 2000, nullable: true),
                AnsweredAt = table.Instant(migrationBuilder, nullable: true),
                AnsweredById = table.Column<Guid>(nullable: true),
                CallId = table.Column<int>(nullable: true),
                CallLinkedAt = table.Instant(migrationBuilder, nullable: true),
                TaskId = table.Column<int>(nullable: true),
                TaskLinkedAt = table.Instant(migrationBuilder, nullable: true),
                Moderation_HiddenReason = table.Column<string>(maxLength: 500, nullable: true),
                Moderation_HiddenAt = table.Instant(migrationBuilder, nullable: true),
                Moderation_HiddenById = table.Column<Guid>(nullable: true),
                Moderation_Appeal = table.Column<string>(maxLength: 500, nullable: true),
                Moderation_AppealedAt = table.Instant(migrationBuilder, nullable: true),
                Moderation_AppealUpheld = table.Column<bool>(nullable: true),
                Moderation_AppealDecidedAt = table.Instant(migrationBuilder, nullable: true),
                RemovedAt = table.Instant(migrationBuilder, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LabProblems", x => x.Id);
                table.ForeignKey("FK_LabProblems_LabChallenges_ChallengeId", x => x.ChallengeId, "LabChallenges", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_LabProblems_AspNetUsers_AuthorId", x => x.AuthorId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_LabProblems_LabAgencies_AgencyId", x => x.AgencyId, "LabAgencies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_LabProblems_Calls_CallId", x => x.CallId, "Calls", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_LabProblems_FundedTasks_TaskId", x => x.TaskId, "FundedTasks", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_LabProblems_ChallengeId_Status", "LabProblems", ["ChallengeId", "Status"]);
        migrationBuilder.CreateIndex("IX_LabProblems_AuthorId", "LabProblems", "AuthorId");
        migrationBuilder.CreateIndex("IX_LabProblems_AgencyId", "LabProblems", "AgencyId");
        migrationBuilder.CreateIndex("IX_LabProblems_CallId", "LabProblems", "CallId");
        migrationBuilder.CreateIndex("IX_LabProblems_TaskId", "LabProblems", "TaskId");

        migrationBuilder.CreateTable(
            name: "LabProblemPhotos",
            columns: table => new
            {
                Id = table.Identity<int>(),
                ProblemId = table.Column<int>(nullable: false),
                FileId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LabProblemPhotos", x => x.Id);
                table.ForeignKey("FK_LabProblemPhotos_LabProblems_ProblemId", x => x.ProblemId, "LabProblems", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_LabProblemPhotos_StoredFiles_FileId", x => x.FileId, "StoredFiles", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_LabProblemPhotos_FileId", "LabProblemPhotos", "FileId", unique: true);
        migrationBuilder.CreateIndex("IX_LabProblemPhotos_ProblemId", "LabProblemPhotos", "ProblemId");

        migrationBuilder.CreateTable(
            name: "LabIdeas",
            columns: table => new
            {
                Id = table.Identity<int>(),
                ProblemId = table.Column<int>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Text = table.Column<string>(maxLength: 1000, nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
                Moderation_HiddenReason = table.Column<string>(maxLength: 500, nullable: true),
                Moderation_HiddenAt = table.Instant(migrationBuilder, nullable: true),
                Moderation_HiddenById = table.Column<Guid>(nullable: true),
                Moderation_Appeal = table.Column<string>(maxLength: 500, nullable: true),
                Moderation_AppealedAt = table.Instant(migrationBuilder, nullable: true),
                Moderation_AppealUpheld = table.Column<bool>(nullable: true),
                Moderation_AppealDecidedAt = table.Instant(migrationBuilder, nullable: true),
                RemovedAt = table.Instant(migrationBuilder, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LabIdeas", x => x.Id);
                table.ForeignKey("FK_LabIdeas_LabProblems_ProblemId", x => x.ProblemId, "LabProblems", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_LabIdeas_AspNetUsers_AuthorId", x => x.AuthorId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_LabIdeas_ProblemId", "LabIdeas", "ProblemId");
        migrationBuilder.CreateIndex("IX_LabIdeas_AuthorId", "LabIdeas", "AuthorId");

        migrationBuilder.CreateTable(
            name: "LabSupports",
            columns: table => new
            {
                Id = table.Identity<long>(),
                ProblemId = table.Column<int>(nullable: false),
                ChallengeId = table.Column<int>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LabSupports", x => x.Id);
                table.ForeignKey("FK_LabSupports_LabProblems_ProblemId", x => x.ProblemId, "LabProblems", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_LabSupports_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_LabSupports_ProblemId_UserId", "LabSupports", ["ProblemId", "UserId"], unique: true);
        migrationBuilder.CreateIndex("IX_LabSupports_ChallengeId_UserId", "LabSupports", ["ChallengeId", "UserId"]);
        migrationBuilder.CreateIndex("IX_LabSupports_UserId", "LabSupports", "UserId");

        migrationBuilder.CreateTable(
            name: "LabReports",
            columns: table => new
            {
                Id = table.Identity<int>(),
                ProblemId = table.Column<int>(nullable: false),
                IdeaId = table.Column<int>(nullable: true),
                ReporterId = table.Column<Guid>(nullable: false),
                Reason = table.Column<string>(maxLength: 500, nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
                ResolvedAt = table.Instant(migrationBuilder, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LabReports", x => x.Id);
                table.ForeignKey("FK_LabReports_LabProblems_ProblemId", x => x.ProblemId, "LabProblems", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_LabReports_AspNetUsers_ReporterId", x => x.ReporterId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_LabReports_ResolvedAt_CreatedAt", "LabReports", ["ResolvedAt", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_LabReports_ProblemId", "LabReports", "ProblemId");
        migrationBuilder.CreateIndex("IX_LabReports_ReporterId", "LabReports", "ReporterId");

        migrationBuilder.CreateTable(
            name: "LabSessions",
            columns: table => new
            {
                Id = table.Identity<int>(),
                ProblemId = table.Column<int>(nullable: false),
                Place = table.Column<string>(maxLength: 200, nullable: false),
                StartsAt = table.Instant(migrationBuilder),
                Capacity = table.Column<int>(nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LabSessions", x => x.Id);
                table.ForeignKey("FK_LabSessions_LabProblems_ProblemId", x => x.ProblemId, "LabProblems", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_LabSessions_ProblemId_StartsAt", "LabSessions", ["ProblemId", "StartsAt"]);

        migrationBuilder.CreateTable(
            name: "LabSignups",
            columns: table => new
            {
                Id = table.Identity<int>(),
                SessionId = table.Column<int>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                WithGuardian = table.Column<bool>(nullable: false),
                SignedUpAt = table.Instant(migrationBuilder),
                Rating = table.Column<int>(nullable: true),
                Comment = table.Column<string>(maxLength: 1000, nullable: true),
                FeedbackAt = table.Instant(migrationBuilder, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LabSignups", x => x.Id);
                table.ForeignKey("FK_LabSignups_LabSessions_SessionId", x => x.SessionId, "LabSessions", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_LabSignups_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_LabSignups_SessionId_UserId", "LabSignups", ["SessionId", "UserId"], unique: true);
        migrationBuilder.CreateIndex("IX_LabSignups_UserId", "LabSignups", "UserId");

        migrationBuilder.CreateTable(
            name: "LabDatasets",
            columns: table => new
            {
                Id = table.Identity<int>(),
                AgencyId = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 2000, nullable: false),
                Licence = table.Column<string>(maxLength: 20, nullable: false),
                Contact = table.Column<string>(maxLength: 200, nullable: false),
                UpdatedOn = table.Column<DateOnly>(nullable: false),
                FileId = table.Column<Guid>(nullable: false),
                PublishedById = table.Column<Guid>(nullable: false),
                PublishedAt = table.Instant(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LabDatasets", x => x.Id);
                table.ForeignKey("FK_LabDatasets_LabAgencies_AgencyId", x => x.AgencyId, "LabAgencies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_LabDatasets_StoredFiles_FileId", x => x.FileId, "StoredFiles", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_LabDatasets_AgencyId", "LabDatasets", "AgencyId");
        migrationBuilder.CreateIndex("IX_LabDatasets_FileId", "LabDatasets", "FileId", unique: true);

        migrationBuilder.CreateTable(
            name: "LabDatasetDownloads",
            columns: table => new
            {
                Id = table.Identity<long>(),
                DatasetId = table.Column<int>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                At = table.Instant(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LabDatasetDownloads", x => x.Id);
                table.ForeignKey("FK_LabDatasetDownloads_LabDatasets_DatasetId", x => x.DatasetId, "LabDatasets", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_LabDatasetDownloads_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_LabDatasetDownloads_DatasetId_At", "LabDatasetDownloads", ["DatasetId", "At"]);
        migrationBuilder.CreateIndex("IX_LabDatasetDownloads_UserId", "LabDatasetDownloads", "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
        {
            "LabDatasetDownloads", "LabDatasets", "LabSignups", "LabSessions", "LabReports", "LabSupports", "LabIdeas", "LabProblemPhotos", "LabProblems",
            "LabMembers", "LabChallenges", "LabAgencyMembers", "LabAgencies",
        })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
