using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mirae.Web.Data.Migrations;

/// <summary>Witness cosignatures of the log's checkpoints (Features/Ledger/Witnesses, ADR 018).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261204010000_LedgerWitnesses")]
public sealed class LedgerWitnesses : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "LedgerCosignatures",
            columns: table => new
            {
                Id = table.Identity<int>(),
                Size = table.Column<long>(nullable: false),
                Witness = table.Column<string>(maxLength: 100, nullable: false),
                Line = table.Column<string>(maxLength: 400, nullable: false),
                CosignedAt = table.Instant(migrationBuilder),
                ReceivedAt = table.Instant(migrationBuilder),
            },
            constraints: table => table.PrimaryKey("PK_LedgerCosignatures", x => x.Id));
        migrationBuilder.CreateIndex("IX_LedgerCosignatures_Size_Witness", "LedgerCosignatures", ["Size", "Witness"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("LedgerCosignatures");
}
