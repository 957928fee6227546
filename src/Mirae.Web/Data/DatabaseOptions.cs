namespace Mirae.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound to the <c>Database</c> section; the connection string is <c>ConnectionStrings:Default</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public sealed class SeedOptions
{
    /// <summary>Seed realistic demo data once on start-up (<c>--Seed:Demo=false</c> turns it off).</summary>
    public bool Demo { get; set; } = true;
}
