namespace Mirae.Web.Data;

/// <summary>Reference data is written on every start; demo data only when <c>Seed:Demo</c> is on.</summary>
public enum SeedKind
{
    Reference,
    Demo,
}

/// <summary>What a seed may use: the start's services and database, the clock, and the migrations this start applied.</summary>
public sealed record SeedContext(IServiceProvider Services, AppDbContext Db, TimeProvider Clock, string ContentRoot,
    IReadOnlyCollection<string> MigrationsApplied);

/// <summary>
/// Data a feature writes when the host starts, after the migrations. Seeds run by kind, then by <see cref="Order"/>
/// (a demo seed that builds on another feature's demo data orders itself after it); each must be idempotent.
/// </summary>
public sealed record StartupSeed(string Name, SeedKind Kind, int Order, Func<SeedContext, Task> RunAsync);

public static class StartupSeedRegistration
{
    public static IServiceCollection AddSeed(this IServiceCollection services, string name, SeedKind kind, int order, Func<SeedContext, Task> run) =>
        services.AddSingleton(new StartupSeed(name, kind, order, run));
}
