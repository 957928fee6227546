using Microsoft.Data.Sqlite;
using Mirae.Web.Data;
using Npgsql;

namespace Mirae.Web.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database on a real server: a SQLite file in a temp folder, or a new PostgreSQL
/// database on the server named by <c>MIRAE_TEST_PG</c> (which <c>tools/test.sh</c> starts). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "MIRAE_TEST_PG";

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    private readonly string? _postgresName;
    private readonly string? _sqliteFolder;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? postgresName, string? sqliteFolder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgresName = postgresName;
        _sqliteFolder = sqliteFolder;
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// SQLite always; PostgreSQL when <c>MIRAE_TEST_PG</c> is set, and always in CI, where a missing
    /// server makes the PostgreSQL cases fail instead of disappearing.
    /// </summary>
    public static TheoryData<DatabaseProvider> Providers()
    {
        var data = new TheoryData<DatabaseProvider> { DatabaseProvider.Sqlite };
        if (IsCi || Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 })
        {
            data.Add(DatabaseProvider.Postgres);
        }
        return data;
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("mirae-test-").FullName;
            return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "mirae.db")};Pooling=False", null, folder);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(admin))
        {
            throw new InvalidOperationException($"{PostgresVariable} is not set; tools/test.sh starts PostgreSQL and sets it.");
        }
        var name = "mirae_t_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, name, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
                // A host still shutting down may hold the file for a moment; the temp folder is cleaned by the OS.
            }
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
