using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Features.Notices;
using Mirae.Web.Tests.Infrastructure;
using Nethereum.Web3;

namespace Mirae.Web.Tests.Features.Ledger;

/// <summary>
/// Anchoring checkpoints on a real anvil: the checkpoint's SHA-256 goes into a transaction that is stored before it is
/// sent; with the chain stopped mid-way the same transaction is sent again once it is back, and confirmed once; a node
/// on another chain gets nothing and staff are told.
/// </summary>
[Collection("web")]
public sealed class AnchorTests
{
    private static async Task GrowAsync(MiraeFactory factory)
    {
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<WriteNotice>().SaveAsync(null,
                new WriteNotice.Command(NoticeCategory.Announcement, $"앵커 시험 공지 {Guid.NewGuid():N}", null, "본문", null, false, null), CancellationToken.None);
        }
        await factory.Services.GetRequiredService<LedgerSequencer>().RunOnceAsync(CancellationToken.None);
    }

    private static async Task<string> AnchorAsync(MiraeFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AnchorCheckpoints>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ACheckpoint_IsAnchoredOnce_ADroppedTransactionIsSentAgain_AndAStoppedChainLosesNothing()
    {
        await using var chain = await AnvilChain.StartAsync(mining: false);
        await using var factory = new MiraeFactory(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), new Dictionary<string, string?>
        {
            ["Ledger:Anchor:Enabled"] = "true", ["Ledger:Anchor:RpcUrl"] = chain.Url, ["Ledger:Anchor:PrivateKey"] = AnchorOptions.AnvilDevKey,
            ["Ledger:Anchor:ChainId"] = "31337", ["Ledger:Anchor:Confirmations"] = "1", ["Ledger:Anchor:ResendAfter"] = "00:00:00",
        });
        factory.StartServer();

        // Sent to a node that does not mine, which then stops: the transaction is dropped with it.
        await GrowAsync(factory);
        var sent = await AnchorAsync(factory);
        await chain.StopAsync();
        await chain.StartAgainAsync(mining: true);
        var resent = await AnchorAsync(factory);   // no receipt: the stored bytes go again, same nonce
        var confirmed = await AnchorAsync(factory);
        var nothing = await AnchorAsync(factory);

        // The chain stops before the next checkpoint is anchored: nothing is signed or lost, and it is anchored once back.
        await GrowAsync(factory);
        await chain.StopAsync();
        var unreachable = await AnchorAsync(factory);
        await chain.StartAgainAsync();
        var anchored = await AnchorAsync(factory);
        var confirmedAgain = await AnchorAsync(factory);

        await using var check = factory.CreateDbContext();
        var anchors = await check.LedgerAnchors.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        var checkpoints = await check.LedgerCheckpoints.AsNoTracking().OrderBy(c => c.Size).ToListAsync();
        var web3 = new Web3(chain.Url);
        var first = await web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(anchors[0].TransactionHash);
        var count = (await web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(anchors[0].From)).Value;
        // Anyone checks an anchor against the chain with the checkpoint they hold (witness lines after the log's are fine).
        var file = Path.Combine(Path.GetTempPath(), $"mirae-anchor-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, checkpoints[0].Note + "\u2014 witness.example AAAA\n");
        var (goodExit, goodOutput) = LedgerCli.Run("verify-anchor", "--rpc", chain.Url, "--tx", anchors[0].TransactionHash, "--checkpoint", file);
        await File.WriteAllTextAsync(file, checkpoints[1].Note);
        var (wrongExit, wrongOutput) = LedgerCli.Run("verify-anchor", "--rpc", chain.Url, "--tx", anchors[0].TransactionHash, "--checkpoint", file);
        File.Delete(file);

        Assert.StartsWith("anchored size", sent);
        Assert.Contains("sent again", resent);
        Assert.Contains("confirmed in block", confirmed);
        Assert.Equal("nothing new to anchor", nothing);
        Assert.Equal("node unreachable", unreachable);
        Assert.StartsWith("anchored size", anchored);
        Assert.Contains("confirmed in block", confirmedAgain);
        Assert.Equal(2, anchors.Count);
        Assert.All(anchors, a => Assert.Equal(AnchorStatus.Confirmed, a.Status));
        Assert.Equal([0L, 1L], anchors.Select(a => a.Nonce));
        Assert.Equal(2, (int)count); // two transactions for two checkpoints: nothing anchored twice
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(checkpoints[0].Note)));
        Assert.Equal("0x" + expected, first.Input);
        Assert.Equal(anchors[0].From, first.To, ignoreCase: true);
        Assert.True(goodExit == 0, goodOutput);
        Assert.Contains("OK the checkpoint's SHA-256 is in transaction", goodOutput);
        Assert.Equal(1, wrongExit);
        Assert.Contains("not the checkpoint's SHA-256", wrongOutput);
    }


    [Fact]
    public async Task ANodeOnAnotherChain_GetsNothing_AndStaffAreTold()
    {
        await using var chain = await AnvilChain.StartAsync();
        await using var factory = new MiraeFactory(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), new Dictionary<string, string?>
        {
            ["Ledger:Anchor:Enabled"] = "true", ["Ledger:Anchor:RpcUrl"] = chain.Url, ["Ledger:Anchor:PrivateKey"] = AnchorOptions.AnvilDevKey,
            ["Ledger:Anchor:ChainId"] = "1",
        });
        factory.StartServer();
        await GrowAsync(factory);

        var result = await AnchorAsync(factory);
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        var (_, page) = await staff.GetPageAsync("/admin/ledger");

        Assert.Equal("wrong chain 31337", result);
        Assert.Equal(0, (int)(await new Web3(chain.Url).Eth.Transactions.GetTransactionCount.SendRequestAsync("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")).Value);
        Assert.Contains("data-testid=\"anchor-failed\"", page);
        Assert.Contains("31337", page);
    }
}
