using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Data;

public static class DataModule
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ResolveConnectionString(options.Provider,
            builder.Configuration.GetConnectionString("Default"), builder.Environment.ContentRootPath);

        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection("Database"));
        builder.Services.Configure<SeedOptions>(builder.Configuration.GetSection("Seed"));
        // Features may watch saves (IInterceptor singletons, e.g. the directory's facet cache).
        builder.Services.AddDbContextPool<AppDbContext>((services, db) =>
            UseProvider(db, options.Provider, connectionString).AddInterceptors(services.GetServices<IInterceptor>()));

        builder.Services.AddSingleton<DataProtectionKeyStore>();
        builder.Services.AddDataProtection().SetApplicationName("Mirae");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<DataProtectionKeyStore>((o, store) => o.XmlRepository = store);
        return builder;
    }

    /// <summary>Applies migrations, then every feature's seeds: reference data always, demo data when <c>Seed:Demo</c> is on.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var applied = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        var demo = services.GetRequiredService<IOptions<SeedOptions>>().Value.Demo;
        var context = new SeedContext(services, db, services.GetRequiredService<TimeProvider>(), app.Environment.ContentRootPath, applied);
        foreach (var seed in services.GetServices<StartupSeed>().Where(s => demo || s.Kind == SeedKind.Reference).OrderBy(s => s.Kind).ThenBy(s => s.Order))
        {
            await seed.RunAsync(context);
        }
    }

    /// <summary>The one place that points EF Core at a provider (the app and the schema tests share it).</summary>
    public static DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString)
    {
        _ = provider switch
        {
            DatabaseProvider.Postgres => db.UseNpgsql(connectionString),
            _ => db.UseSqlite(connectionString),
        };
        // Migrations are hand-written and carry no model snapshot (ADR 003).
        return db.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    internal static string ResolveConnectionString(DatabaseProvider provider, string? configured, string contentRoot)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Default is empty.")
                : configured;
        }

        // A relative SQLite file lives under the content root, whatever the working directory.
        var sqlite = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=data/mirae.db" : configured);
        if (sqlite.DataSource != ":memory:" && !Path.IsPathRooted(sqlite.DataSource))
        {
            sqlite.DataSource = Path.Combine(contentRoot, sqlite.DataSource);
        }
        if (sqlite.DataSource != ":memory:")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
        }
        return sqlite.ToString();
    }
}
