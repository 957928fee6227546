using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Foundation;

public sealed class StartupTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task DemoSeed_WhenTheHostStartsAgainOnTheSameDatabase_AddsNothingTwice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        int first, second, admins;
        var demo = new Dictionary<string, string?> { ["Seed:Demo"] = "true" };
        await using (var factory = new MiraeFactory(database, demo, ownsDatabase: false))
        {
            factory.StartServer();
            first = await factory.CreateDbContext().Notices.CountAsync();
        }
        await using (var factory = new MiraeFactory(database, demo, ownsDatabase: false))
        {
            factory.StartServer();
            await using var db = factory.CreateDbContext();
            second = await db.Notices.CountAsync();
            admins = await db.UserRoles.CountAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == "Administrator"));
        }

        Assert.Equal(6, first);
        Assert.Equal(first, second);
        Assert.Equal(1, admins);
    }

    [Fact]
    public async Task DemoSeed_WhenTurnedOff_LeavesTheDatabaseWithoutDemoData()
    {
        await using var factory = await MiraeFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Seed:Demo"] = "false" });

        Assert.Equal(0, await factory.CreateDbContext().Notices.CountAsync());
        Assert.Equal(Mirae.Web.Features.Accounts.Roles.All.Count, await factory.CreateDbContext().Roles.CountAsync());
    }

    /// <summary>
    /// Deny by default: the fallback policy needs a signed-in member, so a page is public only by an explicit
    /// [AllowAnonymous]. This list is the review point — a new public endpoint must be added here on purpose.
    /// </summary>
    [Fact]
    public async Task Endpoints_AreAnonymousOnlyWhenListedOnPurpose()
    {
        await using var factory = await MiraeFactory.StartAsync(DatabaseProvider.Sqlite);
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var anonymous = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .ToHashSet();

        string[] expected =
        [
            "", "privacy", "terms", "error/{code:int?}", "culture", "notices", "notices/{id:int}",
            "account/register", "account/confirm-email", "account/sign-in", "account/sign-out", "account/access-denied",
            "health", "openapi/{documentName}.json", "api/v1/notices/", "api/v1/notices/{id:int}",
            "api/v1/products", "api/v1/organizations/{businessNumber}", "api/v1/materials",
            "directory/{handler?}", "directory/products/{id:int}", "directory/organizations/{businessNumber}",
            "directory/documents/{id:int}", "calls", "calls/{id:int}", "api/v1/calls/", "api/v1/calls/{id:int}",
            "calls/{id:int}/templates/{number:int}", "api/v1/selection/solve",
            "calls/{id:int}/results", "api/v1/calls/{id:int}/selection",
            "needs", "needs/{id:int}", "api/v1/needs/", "api/v1/needs/{id:int}/matches", "consultations", "consultations/{id:int}",
            "faq", "verify", "qualifications/{id:int}/certificate", // a shared approval says only what the public log says
            "api/v1/ledger/checkpoint", "api/v1/ledger/checkpoints", "api/v1/ledger/key", "api/v1/ledger/entries/{index}", "api/v1/ledger/entries",
            "lab", "lab/challenges/{id:int}", "lab/problems/{id:int}", "lab/results", "lab/data", "lab/children/join", // the SOS Lab is public; its forms ask for sign-in
            "api/v1/lab/challenges", "api/v1/lab/problems", "api/v1/lab/problems/{id:int}",
            "api/v1/ledger/proofs/inclusion", "api/v1/ledger/proofs/consistency", "api/v1/ledger/search", "api/v1/ledger/cosignatures",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), anonymous.Order(StringComparer.Ordinal));
        var fallback = await factory.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();
        Assert.NotNull(fallback);
        Assert.Contains(fallback.Requirements, r => r is Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement);
    }
}
