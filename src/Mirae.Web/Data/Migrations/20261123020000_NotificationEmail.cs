using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mirae.Web.Data.Migrations;

/// <summary>The e-mail copy of each notification: when it was sent, and how many attempts failed.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123020000_NotificationEmail")]
public sealed class NotificationEmail : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTimeOffset>("EmailedAt", "Notifications", type: migrationBuilder.IsSqlite() ? "INTEGER" : null, nullable: true);
        migrationBuilder.AddColumn<int>("EmailAttempts", "Notifications", nullable: false, defaultValue: 0);
        migrationBuilder.CreateIndex("IX_Notifications_EmailedAt_CreatedAt", "Notifications", ["EmailedAt", "CreatedAt"]);
    }
}
