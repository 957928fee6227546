using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mirae.Web.Data.Migrations;

/// <summary>The verifiable log inside the app (Features/Ledger, ADR 018): entries, tree nodes, signed checkpoints and alerts.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261204000000_Ledger")]
public sealed class Ledger : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "LedgerEntries",
            columns: table => new
            {
                Id = table.Identity<long>(),
                Index = table.Column<long>(nullable: true),
                Kind = table.Column<string>(maxLength: 50, nullable: false),
                Subject = table.Column<string>(maxLength: 200, nullable: false),
                Body = table.Column<string>(nullable: false),
                LeafHash = table.Column<byte[]>(maxLength: 32, nullable: false),
                RecordedAt = table.Instant(migrationBuilder),
            },
            constraints: table => table.PrimaryKey("PK_LedgerEntries", x => x.Id));
        migrationBuilder.CreateIndex("IX_LedgerEntries_Index", "LedgerEntries", "Index", unique: true);
        migrationBuilder.CreateIndex("IX_LedgerEntries_Subject", "LedgerEntries", "Subject");

        migrationBuilder.CreateTable(
            name: "LedgerNodes",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false),
                Hash = table.Column<byte[]>(maxLength: 32, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_LedgerNodes", x => x.Id));

        migrationBuilder.CreateTable(
            name: "LedgerCheckpoints",
            columns: table => new
            {
                Size = table.Column<long>(nullable: false),
                RootHash = table.Column<byte[]>(maxLength: 32, nullable: false),
                Note = table.Column<string>(maxLength: 4000, nullable: false),
                SignedAt = table.Instant(migrationBuilder),
            },
            constraints: table => table.PrimaryKey("PK_LedgerCheckpoints", x => x.Size));

        migrationBuilder.CreateTable(
            name: "LedgerAlerts",
            columns: table => new
            {
                Id = table.Identity<int>(),
                DetectedAt = table.Instant(migrationBuilder),
                FirstBadIndex = table.Column<long>(nullable: true),
                Reason = table.Column<string>(maxLength: 500, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_LedgerAlerts", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("LedgerAlerts");
        migrationBuilder.DropTable("LedgerCheckpoints");
        migrationBuilder.DropTable("LedgerNodes");
        migrationBuilder.DropTable("LedgerEntries");
    }
}
