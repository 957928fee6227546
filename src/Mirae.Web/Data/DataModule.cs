using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Administration;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Notices;
using Mirae.Web.Features.Programs;
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
        builder.Services.AddDbContextPool<AppDbContext>(db => UseProvider(db, options.Provider, connectionString));

        builder.Services.AddSingleton<DataProtectionKeyStore>();
        builder.Services.AddDataProtection().SetApplicationName("Mirae");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<DataProtectionKeyStore>((o, store) => o.XmlRepository = store);
        return builder;
    }

    /// <summary>Applies migrations, reference data, the first administrator and (optionally) demo data.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        // An existing database crossing SearchTokens needs its search text recomputed (a new one has no products yet).
        var reindex = await db.GetService<IHistoryRepository>().ExistsAsync()
            && (await db.Database.GetPendingMigrationsAsync()).Contains(Migrations.SearchTokens.Id);
        await db.Database.MigrateAsync();
        if (reindex)
        {
            await DirectoryModule.ReindexProductsAsync(db);
        }
        await RoleSeed.EnsureRolesAsync(services);
        await BootstrapAdministrator.EnsureAsync(services);
        if (services.GetRequiredService<IOptions<SeedOptions>>().Value.Demo)
        {
            await DemoNotices.SeedAsync(db, services.GetRequiredService<TimeProvider>());
            await DirectoryModule.SeedDemoAsync(services, app.Environment.ContentRootPath);
            await DemoCalls.SeedAsync(db, services.GetRequiredService<TimeProvider>());
            await Features.Evaluation.DemoEvaluation.SeedAsync(db, services.GetRequiredService<TimeProvider>());
            await Features.Localization.DemoLocalization.SeedAsync(db, services.GetRequiredService<TimeProvider>());
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
