using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mirae.Web.Data.Migrations;

/// <summary>Waits after wrong passwords instead of lock-outs (Features/Accounts/SignInGuard), and links long enough for e-mail confirmation.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261203120000_SignInGuard")]
public sealed class SignInGuard : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SignInThrottles",
            columns: table => new
            {
                Key = table.Column<string>(maxLength: 64, nullable: false),
                Failures = table.Column<int>(nullable: false),
                LastFailureAt = table.Instant(migrationBuilder),
                BlockedUntil = table.Instant(migrationBuilder, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_SignInThrottles", x => x.Key));
        if (!migrationBuilder.IsSqlite()) // SQLite does not keep lengths
        {
            migrationBuilder.AlterColumn<string>("Link", "Notifications", maxLength: 1000, nullable: true, oldMaxLength: 300, oldNullable: true);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SignInThrottles");
        if (!migrationBuilder.IsSqlite())
        {
            migrationBuilder.AlterColumn<string>("Link", "Notifications", maxLength: 300, nullable: true, oldMaxLength: 1000, oldNullable: true);
        }
    }
}
