using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mirae.Web.Data.Migrations;

/// <summary>Notices staff write: pinned notices, and files attached to a notice (Features/Notices).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261203200000_NoticeEditor")]
public sealed class NoticeEditor : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Existing notices are not pinned (a backfill default; the model has none).
        migrationBuilder.AddColumn<bool>("Pinned", "Notices", nullable: false, defaultValue: false);
        migrationBuilder.CreateTable(
            name: "NoticeAttachments",
            columns: table => new
            {
                Id = table.Identity<int>(),
                NoticeId = table.Column<int>(nullable: false),
                FileId = table.Column<Guid>(nullable: false),
                UploadedAt = table.Instant(migrationBuilder),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NoticeAttachments", x => x.Id);
                table.ForeignKey("FK_NoticeAttachments_Notices_NoticeId", x => x.NoticeId, "Notices", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_NoticeAttachments_StoredFiles_FileId", x => x.FileId, "StoredFiles", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_NoticeAttachments_NoticeId", "NoticeAttachments", "NoticeId");
        migrationBuilder.CreateIndex("IX_NoticeAttachments_FileId", "NoticeAttachments", "FileId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("NoticeAttachments");
        migrationBuilder.DropColumn("Pinned", "Notices");
    }
}
