using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Data;

/// <summary>
/// The one context. Each feature adds its tables in its own folder (a <c>XTables.cs</c> part of this class) and maps them
/// with <see cref="IEntityTypeConfiguration{TEntity}"/> classes beside its entities, which are found here; a
/// configuration that depends on the provider takes the <see cref="DatabaseFacade"/> in its constructor.
/// </summary>
public sealed partial class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<StoredFileContent> StoredFileContents => Set<StoredFileContent>();
    public DbSet<ScheduledJobState> ScheduledJobs => Set<ScheduledJobState>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var apply = typeof(ModelBuilder).GetMethods().Single(m => m.Name == nameof(ModelBuilder.ApplyConfiguration)
            && m.GetParameters()[0].ParameterType.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>));
        var configurations = typeof(AppDbContext).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
                .Select(i => (Type: t, Entity: i.GenericTypeArguments[0])))
            .OrderBy(c => c.Type.FullName, StringComparer.Ordinal);
        foreach (var (type, entity) in configurations)
        {
            var configuration = type.GetConstructor([typeof(DatabaseFacade)]) is { } withDatabase
                ? withDatabase.Invoke([Database])
                : Activator.CreateInstance(type);
            apply.MakeGenericMethod(entity).Invoke(builder, [configuration]);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset stored as text; UTC ticks keep both exact.
        // PostgreSQL keeps its native timestamptz.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            // Money is whole won: an integer on SQLite (which stores decimal as text it cannot sum or compare).
            configurationBuilder.Properties<decimal>().HaveConversion<long>();
        }
    }
}
