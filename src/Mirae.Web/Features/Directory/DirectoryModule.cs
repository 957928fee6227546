using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

/// <summary>Marker of the directory's texts (DirectoryTexts.resx, DirectoryTexts.en.resx).</summary>
public sealed class DirectoryTexts;

public static class DirectoryModule
{
    public static IServiceCollection AddDirectory(this IServiceCollection services)
    {
        services.AddScoped<ImportDirectory>();
        services.AddScoped<SearchProducts>();
        services.AddSingleton<SearchVocabularySource>();
        services.AddScoped<EditOrganizationProfile>();
        services.AddScoped<InviteColleague>();
        services.AddSingleton<FacetCache>();
        services.AddScoped<Accounts.IMemberClaimsSource, MembershipClaims>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<FacetCache>());
        services.AddScoped<GetProduct>();
        services.AddScoped<GetOrganization>();
        services.AddScoped<RequestMembership>();
        services.AddScoped<DecideMembership>();
        services.AddScoped<ListMemberships>();
        services.AddScoped<ListOrganizationProducts>();
        services.AddScoped<SaveProduct>();
        services.AddScoped<ChangeCertificates>();
        services.AddScoped<ChangeDocuments>();
        services.AddScoped<IAuthorizationHandler, OrganizationAuthorizationHandler>();
        services.AddScheduledJob<FlagExpiringCertificates>(FlagExpiringCertificates.JobName, Schedules.DailyAtKst(6, 0));
        services.AddTexts<DirectoryTexts>();
        services.AddNavigation(
            new NavEntry("Nav.Directory", "/directory", 110, NavAudience.Everyone),
            new NavEntry("Nav.MyOrganization", "/my/organization", 200, NavAudience.CompanyMembers),
            new NavEntry("Nav.DirectoryImport", "/admin/directory/import", 360, NavAudience.ProgramStaff, StaffArea.Directory),
            new NavEntry("Nav.Memberships", "/admin/memberships", 370, NavAudience.ProgramStaff, StaffArea.Members));
        // An existing database crossing SearchTokens needs its search text recomputed, since the analyzer is C#.
        services.AddSeed("directory.reindex", SeedKind.Reference, 0, async c =>
        {
            if (c.MigrationsApplied.Contains(Data.Migrations.SearchTokens.Id))
            {
                await ReindexProductsAsync(c.Db);
            }
        });
        services.AddSeed("directory.demo", SeedKind.Demo, 200, c => SeedDemoAsync(c.Services, c.ContentRoot));
        return services;
    }

    /// <summary>The demo directory (300 suppliers, ~2,000 products; Data/Seed/directory), imported once into an empty directory.</summary>
    public static async Task SeedDemoAsync(IServiceProvider services, string contentRoot)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Organizations.AnyAsync())
        {
            return;
        }
        var folder = Path.Combine(contentRoot, "Data", "Seed", "directory");
        var streams = ImportDirectory.Files.ToDictionary(f => f, f => (Stream)File.OpenRead(Path.Combine(folder, f)));
        try
        {
            var result = await services.GetRequiredService<ImportDirectory>().HandleAsync(streams);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("The demo directory does not import: " + string.Join("; ", result.Files.SelectMany(f => f.Errors).Take(5)));
            }
        }
        finally
        {
            foreach (var stream in streams.Values)
            {
                await stream.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Recomputes every product's search text, a thousand at a time (after a migration that changes the analyzer;
    /// the engines re-index each row as it is written).
    /// </summary>
    public static async Task ReindexProductsAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var after = 0;
        while (true)
        {
            var batch = await db.Products.Where(p => p.Id > after).OrderBy(p => p.Id).Take(1000).WithSearchText().ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }
            batch.ForEach(p => p.Reindex());
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            after = batch[^1].Id;
        }
    }
}
