using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Database;

/// <summary>
/// The hand-written migrations must build exactly the schema the model describes: a forgotten or wrong
/// migration shows up here as a difference in tables, columns (type, nullability, identity, default, generated
/// expression) or indexes. What the model cannot describe (SQLite's FTS5 tables and their triggers, PostgreSQL storage
/// settings) is compared with the expected engine objects written below, so a change to them needs a migration and
/// a deliberate change here.
/// </summary>
public sealed class MigrationsTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Migrations_BuildTheSameSchemaAsTheModel(DatabaseProvider provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var modelled = await TestDatabase.CreateAsync(provider);

        await using (var db = Open(migrated))
        {
            await db.Database.MigrateAsync();
        }
        await using (var db = Open(modelled))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var fromMigrations = (await DescribeAsync(migrated)).Select(WithoutBackfillDefault).ToList();
        var fromModel = await DescribeAsync(modelled);

        Assert.Contains(fromModel, line => line.StartsWith("table AspNetUsers", StringComparison.Ordinal));
        Assert.Equal(fromModel.Except(fromMigrations).ToList(), []);
        Assert.Equal(fromMigrations.Except(fromModel).ToList(), []);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Migrations_BuildTheSearchEngineObjects_TheQueriesExpect(DatabaseProvider provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using (var db = Open(migrated))
        {
            await db.Database.MigrateAsync();
        }
        await using var check = Open(migrated);
        var connection = check.Database.GetDbConnection();
        await connection.OpenAsync();

        var engine = provider == DatabaseProvider.Sqlite ? await SqliteEngineAsync(connection) : await PostgresEngineAsync(connection);

        Assert.Equal(provider == DatabaseProvider.Sqlite ? SqliteEngine : PostgresEngine, engine);
    }

    /// <summary>The FTS5 indexes of ADR 006 and the triggers that keep them in step with <c>Products</c>.</summary>
    private static readonly string[] SqliteEngine =
    [
        "table ProductNameSearch: CREATE VIRTUAL TABLE ProductNameSearch USING fts5(SearchName, content='Products', content_rowid='Id', prefix='1 2 3')",
        "table ProductSearch: CREATE VIRTUAL TABLE ProductSearch USING fts5(SearchName, SearchBody, content='Products', content_rowid='Id', prefix='1 2 3')",
        "trigger ProductNameSearch_Delete: CREATE TRIGGER ProductNameSearch_Delete AFTER DELETE ON Products BEGIN INSERT INTO ProductNameSearch(ProductNameSearch, rowid, SearchName) VALUES ('delete', old.Id, old.SearchName); END",
        "trigger ProductNameSearch_Insert: CREATE TRIGGER ProductNameSearch_Insert AFTER INSERT ON Products BEGIN INSERT INTO ProductNameSearch(rowid, SearchName) VALUES (new.Id, new.SearchName); END",
        "trigger ProductNameSearch_Update: CREATE TRIGGER ProductNameSearch_Update AFTER UPDATE OF SearchName ON Products BEGIN INSERT INTO ProductNameSearch(ProductNameSearch, rowid, SearchName) VALUES ('delete', old.Id, old.SearchName); INSERT INTO ProductNameSearch(rowid, SearchName) VALUES (new.Id, new.SearchName); END",
        "trigger ProductSearch_Delete: CREATE TRIGGER ProductSearch_Delete AFTER DELETE ON Products BEGIN INSERT INTO ProductSearch(ProductSearch, rowid, SearchName, SearchBody) VALUES ('delete', old.Id, old.SearchName, old.SearchBody); END",
        "trigger ProductSearch_Insert: CREATE TRIGGER ProductSearch_Insert AFTER INSERT ON Products BEGIN INSERT INTO ProductSearch(rowid, SearchName, SearchBody) VALUES (new.Id, new.SearchName, new.SearchBody); END",
        "trigger ProductSearch_Update: CREATE TRIGGER ProductSearch_Update AFTER UPDATE OF SearchName, SearchBody ON Products BEGIN INSERT INTO ProductSearch(ProductSearch, rowid, SearchName, SearchBody) VALUES ('delete', old.Id, old.SearchName, old.SearchBody); INSERT INTO ProductSearch(rowid, SearchName, SearchBody) VALUES (new.Id, new.SearchName, new.SearchBody); END",
    ];

    /// <summary>Narrow product rows with the names vector kept in the row (ADR 006); no triggers.</summary>
    private static readonly string[] PostgresEngine =
    [
        "storage Products.SearchNameVector main",
        "table Products toast_tuple_target=400",
    ];

    private static async Task<List<string>> SqliteEngineAsync(DbConnection connection) =>
        (await QueryAsync(connection, "SELECT type, name, sql FROM sqlite_master WHERE type = 'trigger' OR sql LIKE 'CREATE VIRTUAL TABLE%'"))
            .Select(r => $"{r[0]} {r[1]}: {string.Join(' ', r[2].Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd(';')}")
            .Order(StringComparer.Ordinal).ToList();

    private static async Task<List<string>> PostgresEngineAsync(DbConnection connection)
    {
        var lines = new List<string>();
        foreach (var t in await QueryAsync(connection, """
            SELECT c.relname, unnest(c.reloptions) FROM pg_class c
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.reloptions IS NOT NULL
            """))
        {
            lines.Add($"table {t[0]} {t[1]}");
        }
        // Columns whose storage differs from their type's default.
        foreach (var c in await QueryAsync(connection, """
            SELECT c.relname, a.attname, CASE a.attstorage WHEN 'p' THEN 'plain' WHEN 'm' THEN 'main' WHEN 'e' THEN 'external' ELSE 'extended' END
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND a.attstorage <> t.typstorage
            """))
        {
            lines.Add($"storage {c[0]}.{c[1]} {c[2]}");
        }
        foreach (var t in await QueryAsync(connection, "SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE NOT tgisinternal"))
        {
            lines.Add($"trigger {t[0]}.{t[1]}");
        }
        return lines.Order(StringComparer.Ordinal).ToList();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Migrations_OnAnUpToDateDatabase_HaveNothingPending(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Open(database);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    /// <summary>
    /// Columns a migration added to a table that already had rows, with a default to fill them; the app always writes
    /// them, so the model has no default. Every other default must match.
    /// </summary>
    private static readonly string[] BackfilledColumns = ["Calls.Form", "Notifications.EmailAttempts", "Notices.Pinned"];

    private static string WithoutBackfillDefault(string line) =>
        BackfilledColumns.Any(c => line.StartsWith($"column {c} ", StringComparison.Ordinal))
            ? System.Text.RegularExpressions.Regex.Replace(line, " default=[^ ]*( generated=|$)", " default=$1")
            : line;

    private static AppDbContext Open(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DataModule.UseProvider(options, database.Provider, database.ConnectionString);
        return new AppDbContext(options.Options);
    }

    private static async Task<List<string>> DescribeAsync(TestDatabase database)
    {
        await using var db = Open(database);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var lines = database.Provider == DatabaseProvider.Sqlite ? await DescribeSqliteAsync(connection) : await DescribePostgresAsync(connection);
        return lines.Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<string>> DescribeSqliteAsync(DbConnection connection)
    {
        var lines = new List<string>();
        // Search-engine objects (FTS5 tables, their shadow tables and triggers) come from raw SQL in the migrations
        // and are not part of the model; the search tests cover them.
        var tables = await QueryAsync(connection, """
            SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\_\_EF%' ESCAPE '\'
              AND name NOT IN (SELECT v.name FROM sqlite_master v WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%')
              AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%' AND sqlite_master.name LIKE v.name || '\_%' ESCAPE '\')
            """);
        foreach (var table in tables)
        {
            var name = table[0];
            lines.Add($"table {name} autoincrement={table[1].Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)}");
            foreach (var c in await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk, dflt_value FROM pragma_table_info('{name}')"))
            {
                lines.Add($"column {name}.{c[0]} {c[1]} notnull={c[2]} pk={c[3]} default={c[4]}");
            }
            foreach (var i in await QueryAsync(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{name}')"))
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno");
                lines.Add($"index {name}.{i[0]} unique={i[1]} ({string.Join(',', columns.Select(r => r[0]))})");
            }
            foreach (var f in await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{name}')"))
            {
                lines.Add($"fk {name}.{f[1]} -> {f[0]}.{f[2]} {f[3]}");
            }
        }
        return lines;
    }

    private static async Task<List<string>> DescribePostgresAsync(DbConnection connection)
    {
        var lines = new List<string>();
        foreach (var c in await QueryAsync(connection, """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''), is_nullable, is_identity, coalesce(identity_generation, ''),
                   coalesce(column_default, ''), coalesce(generation_expression, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EF%'
            """))
        {
            lines.Add($"column {c[0]}.{c[1]} {c[2]}({c[3]}) nullable={c[4]} identity={c[5]} {c[6]} default={c[7]} generated={c[8]}");
        }
        foreach (var i in await QueryAsync(connection, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\\_\\_EF%'"))
        {
            lines.Add("index " + i[0]);
        }
        foreach (var f in await QueryAsync(connection, """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND contype IN ('f', 'p', 'u') AND conrelid::regclass::text NOT LIKE '%\_\_EF%'
            """))
        {
            lines.Add($"constraint {f[0]}.{f[1]} {f[2]}");
        }
        foreach (var t in await QueryAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE '\\_\\_EF%'"))
        {
            lines.Add("table " + t[0]);
        }
        return lines;
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            }
            rows.Add(row);
        }
        return rows;
    }
}
