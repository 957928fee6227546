using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Ledger;
using Mirae.Web.Data;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Features.Notices;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Ledger;

/// <summary>
/// <c>mirae-ledger verify-entry</c> and <c>audit</c> against the real server on Kestrel: what an outside auditor runs.
/// A body changed in the database together with its leaf hash (so it still looks self-consistent) is found by the
/// audit, which names its index.
/// </summary>
[Collection("web")]
public sealed class AuditorTests
{

    [Fact]
    public async Task TheAuditor_VerifiesEveryEntryAndCheckpoint_AndNamesTheFirstChangedEntry()
    {
        await using var factory = new MiraeFactory(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite));
        var url = factory.StartKestrel().ToString();
        var sequencer = factory.Services.GetRequiredService<LedgerSequencer>();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 3; i++)
            {
                using var scope = factory.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<WriteNotice>().SaveAsync(null,
                    new WriteNotice.Command(NoticeCategory.Announcement, $"감사 시험 공지 {round}-{i}", null, "본문", null, false, null), CancellationToken.None);
            }
            await sequencer.RunOnceAsync(CancellationToken.None);
        }
        var saved = Path.Combine(Path.GetTempPath(), $"mirae-checkpoint-{Guid.NewGuid():N}.txt");
        await using (var db = factory.CreateDbContext())
        {
            await File.WriteAllTextAsync(saved, (await db.LedgerCheckpoints.OrderBy(c => c.Size).FirstAsync()).Note);
        }

        var entry = LedgerCli.Run("verify-entry", "--url", url, "--index", "4");
        var audit = LedgerCli.Run("audit", "--url", url, "--from-checkpoint", saved);
        await using (var db = factory.CreateDbContext())
        {
            var target = await db.LedgerEntries.SingleAsync(e => e.Index == 2);
            var forged = target.Body.Replace("감사 시험 공지", "조작된 공지", StringComparison.Ordinal);
            await db.LedgerEntries.Where(e => e.Id == target.Id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Body, forged).SetProperty(e => e.LeafHash, MerkleHash.Leaf(Encoding.UTF8.GetBytes(forged))));
        }
        var tampered = LedgerCli.Run("audit", "--url", url);
        var missing = LedgerCli.Run("verify-entry", "--url", url, "--index", "999");
        var usage = LedgerCli.Run("audit", "--url", "ftp://nowhere");
        File.Delete(saved);

        Assert.True(entry.Exit == 0, entry.Output);
        Assert.Contains("OK entry 4 (notice.published notice:", entry.Output);
        Assert.True(audit.Exit == 0, audit.Output);
        Assert.Contains("OK 6 entries, 2 checkpoints verified; latest signed size 6", audit.Output);
        Assert.Equal(1, tampered.Exit);
        Assert.Contains("FAIL: entry 2: the entries no longer give the root signed at size 3", tampered.Output);
        Assert.Equal(1, missing.Exit);
        Assert.Contains("FAIL: cannot read the server", missing.Output);
        Assert.Equal(2, usage.Exit);
    }
}
