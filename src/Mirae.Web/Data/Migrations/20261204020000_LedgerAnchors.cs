using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mirae.Web.Data.Migrations;

/// <summary>Checkpoints anchored on an EVM chain (Features/Ledger/Anchoring, ADR 018).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261204020000_LedgerAnchors")]
public sealed class LedgerAnchors : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "LedgerAnchors",
            columns: table => new
            {
                Id = table.Identity<int>(),
                CheckpointSize = table.Column<long>(nullable: false),
                CheckpointHash = table.Column<string>(maxLength: 64, nullable: false),
                ChainId = table.Column<long>(nullable: false),
                From = table.Column<string>(maxLength: 42, nullable: false),
                Nonce = table.Column<long>(nullable: false),
                RawTransaction = table.Column<string>(maxLength: 2000, nullable: false),
                TransactionHash = table.Column<string>(maxLength: 66, nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                CreatedAt = table.Instant(migrationBuilder),
                SentAt = table.Instant(migrationBuilder, nullable: true),
                BlockNumber = table.Column<long>(nullable: true),
                ConfirmedAt = table.Instant(migrationBuilder, nullable: true),
                Error = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_LedgerAnchors", x => x.Id));
        migrationBuilder.CreateIndex("IX_LedgerAnchors_CheckpointSize", "LedgerAnchors", "CheckpointSize");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("LedgerAnchors");
}
