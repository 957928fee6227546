using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Data.Migrations;
using Mirae.Web.Features.Directory;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Directory;

/// <summary>A database from before the SearchTokens migration gets its products' search text recomputed on start.</summary>
public sealed class SearchUpgradeTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static readonly Dictionary<string, string?> NoDemo = new() { ["Seed:Demo"] = "false" };

    [Theory, MemberData(nameof(Providers))]
    public async Task Start_AfterTheSearchTokensMigration_ReindexesEveryProduct(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var before = new MiraeFactory(database, NoDemo, ownsDatabase: false))
        {
            before.StartServer();
            var organization = await DirectoryData.AddOrganizationAsync(before);
            await DirectoryData.AddProductAsync(before, organization.Id, nameKo: "뮤뮤 업그레이드 배양백");
            await using var db = before.CreateDbContext();
            // As the database was before the migration: old search text (here none), no names-only vector, not applied.
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Products" SET "SearchName" = '', "SearchBody" = ''""");
            if (provider == DatabaseProvider.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "Products" DROP COLUMN "SearchNameVector" """);
            }
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {SearchTokens.Id}""");
        }

        await using var after = new MiraeFactory(database, NoDemo);
        after.StartServer();

        using var scope = after.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<SearchProducts>().HandleAsync(new SearchProducts.Query("배양백 업그레이드"));
        Assert.Equal(["뮤뮤 업그레이드 배양백"], result.Page.Items.Select(i => i.NameKo));
    }
}
