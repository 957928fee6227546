using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Mirae.Web.Data.Migrations;

/// <summary>Column shapes that differ by provider, written once for the hand-written migrations (ADR 003).</summary>
public static class MigrationColumns
{
    /// <summary>An instant: UTC ticks on SQLite (see <see cref="UtcTicksConverter"/>), timestamptz on PostgreSQL.</summary>
    public static OperationBuilder<AddColumnOperation> Instant(this ColumnsBuilder columns, MigrationBuilder migration, bool nullable = false) =>
        columns.Column<DateTimeOffset>(type: migration.IsSqlite() ? "INTEGER" : null, nullable: nullable);

    /// <summary>A database-generated integer key on both providers.</summary>
    public static OperationBuilder<AddColumnOperation> Identity<T>(this ColumnsBuilder columns) =>
        columns.Column<T>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
