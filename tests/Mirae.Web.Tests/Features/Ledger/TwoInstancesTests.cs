using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Ledger;
using Mirae.Web.Data;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Ledger;

/// <summary>
/// Two web instances on one PostgreSQL, each with its own background sequencer, while decisions are recorded through
/// both at once: one gapless sequence, every index once, and a tree whose root is the one signed.
/// </summary>
[Collection("web")]
public sealed class TwoInstancesTests
{
    [Fact]
    public async Task TwoInstancesRecordingAtOnce_MakeOneGaplessSignedLog()
    {
        if (!TestDatabase.IsCi && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MIRAE_TEST_PG")))
        {
            return; // PostgreSQL cases run in CI and wherever MIRAE_TEST_PG is set (README, Development notes)
        }
        var settings = new Dictionary<string, string?> { ["Ledger:Background"] = "true", ["Ledger:Interval"] = "00:00:00.200" };
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var first = new MiraeFactory(database, settings, ownsDatabase: false);
        first.StartServer();
        await using var second = new MiraeFactory(database, settings, ownsDatabase: true);
        second.StartServer();

        const int PerInstance = 150;
        await Task.WhenAll(new[] { first, second }.SelectMany((factory, instance) => Enumerable.Range(0, 10).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; i < PerInstance; i += 10)
            {
                using var scope = factory.Services.CreateScope();
                scope.ServiceProvider.GetRequiredService<LedgerRecords>().Add("test.instances", $"instance:{instance}:{i}", new JsonObject { ["i"] = i });
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
            }
        }))));

        // Both background sequencers finish the work (no entry waiting, and the last checkpoint covers them all).
        var deadline = DateTime.UtcNow.AddSeconds(60);
        long signed = 0;
        while (DateTime.UtcNow < deadline)
        {
            await using var db = first.CreateDbContext();
            signed = await db.LedgerCheckpoints.MaxAsync(c => (long?)c.Size) ?? 0;
            if (signed == 2 * PerInstance && !await db.LedgerEntries.AnyAsync(e => e.Index == null))
            {
                break;
            }
            await Task.Delay(200);
        }

        await using var check = second.CreateDbContext();
        var entries = await check.LedgerEntries.AsNoTracking().OrderBy(e => e.Index).ToListAsync();
        var latest = await check.LedgerCheckpoints.AsNoTracking().OrderByDescending(c => c.Size).FirstAsync();
        var rebuilt = new MerkleLog(new InMemoryHashStore());
        foreach (var entry in entries)
        {
            rebuilt.Append(Encoding.UTF8.GetBytes(entry.Body));
        }

        Assert.Equal(2 * PerInstance, signed);
        Assert.Equal(Enumerable.Range(0, 2 * PerInstance).Select(i => (long?)i), entries.Select(e => e.Index));
        Assert.Equal(2 * PerInstance, entries.Select(e => e.Subject).Distinct().Count());
        Assert.Equal(latest.RootHash, rebuilt.Root);
        Assert.Equal(0, await check.LedgerAlerts.CountAsync());
    }
}
