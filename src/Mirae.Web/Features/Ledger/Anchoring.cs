using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;
using Nethereum.Util;
using Nethereum.Web3;

namespace Mirae.Web.Features.Ledger;

/// <summary>Where and how checkpoints are anchored on an EVM chain (ADR 018). Off unless configured.</summary>
public sealed class AnchorOptions
{
    public const string AnvilDevKey = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    public bool Enabled { get; set; }
    /// <summary>A local test chain (anvil from npm) on 127.0.0.1:<see cref="DevPort"/> with its public dev key: for demos and development only.</summary>
    public bool Dev { get; set; }
    public int DevPort { get; set; } = 18545;
    public string? RpcUrl { get; set; }
    public long ChainId { get; set; } = 31337;
    /// <summary>The anchoring account's private key (hex); from the environment in production, never in the repository.</summary>
    public string? PrivateKey { get; set; }
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>Blocks on top of the transaction's (itself included) before an anchor counts as confirmed.</summary>
    public int Confirmations { get; set; } = 1;
    /// <summary>How long a sent transaction may go without a receipt before it is sent again (same nonce, same bytes).</summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromMinutes(5);
}

public enum AnchorStatus
{
    /// <summary>Signed and stored, not yet accepted by a node.</summary>
    Stored,
    Sent,
    Confirmed,
    /// <summary>Reverted (receipt status 0), or the node is on another chain: staff are told.</summary>
    Failed,
}

/// <summary>A checkpoint's SHA-256 in the calldata of a zero-value transaction to the anchoring account itself.</summary>
public sealed class LedgerAnchor
{
    public int Id { get; private set; }
    public long CheckpointSize { get; private set; }
    public string CheckpointHash { get; private set; } = "";
    public long ChainId { get; private set; }
    public string From { get; private set; } = "";
    public long Nonce { get; private set; }
    public string RawTransaction { get; private set; } = "";
    public string TransactionHash { get; private set; } = "";
    public AnchorStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public long? BlockNumber { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public string? Error { get; private set; }

    private LedgerAnchor()
    {
    }

    public LedgerAnchor(long size, string checkpointHash, long chainId, string from, long nonce, string raw, string hash, DateTimeOffset now)
    {
        CheckpointSize = size;
        CheckpointHash = checkpointHash;
        ChainId = chainId;
        From = from;
        Nonce = nonce;
        RawTransaction = raw;
        TransactionHash = hash;
        Status = AnchorStatus.Stored;
        CreatedAt = now;
    }

    public void Sent(DateTimeOffset now)
    {
        Status = AnchorStatus.Sent;
        SentAt = now;
        Error = null;
    }

    public void Confirmed(long block, DateTimeOffset now)
    {
        Status = AnchorStatus.Confirmed;
        BlockNumber = block;
        ConfirmedAt = now;
        Error = null;
    }

    public void Failed(string error) => (Status, Error) = (AnchorStatus.Failed, error);

    public void Trouble(string error) => Error = error;
}

public sealed class LedgerAnchorConfiguration : IEntityTypeConfiguration<LedgerAnchor>
{
    public void Configure(EntityTypeBuilder<LedgerAnchor> builder)
    {
        builder.Property(a => a.CheckpointHash).HasMaxLength(64);
        builder.Property(a => a.From).HasMaxLength(42);
        builder.Property(a => a.TransactionHash).HasMaxLength(66);
        builder.Property(a => a.RawTransaction).HasMaxLength(2000);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Error).HasMaxLength(500);
        builder.HasIndex(a => a.CheckpointSize);
    }
}

/// <summary>
/// Anchors the latest checkpoint on the configured chain when the log grew (a scheduled job, every
/// <see cref="AnchorOptions.Interval"/>). The transaction is signed and stored before it is sent, so a crash or a retry
/// sends the same bytes with the same nonce and can never anchor twice; a sent transaction without a receipt after
/// <see cref="AnchorOptions.ResendAfter"/> is sent again; a receipt with status 1 and enough blocks on top confirms it;
/// status 0 or a node on another chain fails it, which staff see on /admin/ledger.
/// </summary>
public sealed class AnchorCheckpoints(AppDbContext db, IOptions<LedgerOptions> options, TimeProvider clock) : IScheduledJob
{
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var o = options.Value.Anchor;
        if (!o.Enabled || string.IsNullOrEmpty(o.RpcUrl) || string.IsNullOrEmpty(o.PrivateKey))
        {
            return "anchoring off";
        }
        await using var transaction = await db.LockAsync("ledger:anchor", cancellationToken);
        var account = new Nethereum.Web3.Accounts.Account(o.PrivateKey, o.ChainId);
        var web3 = new Web3(account, o.RpcUrl);
        var now = clock.GetUtcNow();
        var open = await db.LedgerAnchors.Where(a => a.Status == AnchorStatus.Stored || a.Status == AnchorStatus.Sent).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        string result;
        try
        {
            var chain = (long)(await web3.Eth.ChainId.SendRequestAsync()).Value;
            if (chain != o.ChainId)
            {
                foreach (var anchor in open)
                {
                    anchor.Trouble($"the node is on chain {chain}, not {o.ChainId}");
                }
                var last = await db.LedgerAnchors.OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);
                if (last is null || last.Status != AnchorStatus.Failed || last.Error?.Contains("chain", StringComparison.Ordinal) != true)
                {
                    var refused = new LedgerAnchor(0, "", chain, account.Address, -1, "", "", now);
                    refused.Failed($"the node is on chain {chain}, not the configured {o.ChainId}: nothing was sent");
                    db.LedgerAnchors.Add(refused);
                }
                result = $"wrong chain {chain}";
            }
            else if (open.Count > 0)
            {
                result = await FollowAsync(web3, open, o, now);
            }
            else
            {
                result = await AnchorLatestAsync(web3, account.Address, o, now, cancellationToken);
            }
        }
        catch (Exception e) when (e is HttpRequestException or Nethereum.JsonRpc.Client.RpcClientUnknownException or Nethereum.JsonRpc.Client.RpcResponseException
            or TaskCanceledException)
        {
            foreach (var anchor in open.Concat(db.LedgerAnchors.Local.Where(a => a.Status == AnchorStatus.Stored)).Distinct())
            {
                anchor.Trouble("the node did not answer: " + e.Message[..Math.Min(e.Message.Length, 300)]);
            }
            result = "node unreachable";
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private async Task<string> AnchorLatestAsync(Web3 web3, string address, AnchorOptions o, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var latest = await db.LedgerCheckpoints.AsNoTracking().OrderByDescending(c => c.Size).FirstOrDefaultAsync(cancellationToken);
        var anchored = await db.LedgerAnchors.Where(a => a.Status != AnchorStatus.Failed).MaxAsync(a => (long?)a.CheckpointSize, cancellationToken) ?? 0;
        if (latest is null || latest.Size <= anchored)
        {
            return "nothing new to anchor";
        }
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(latest.Note)));
        var data = "0x" + hash;
        var nonce = (await web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(address, BlockParameter.CreatePending())).Value;
        var gasPrice = (await web3.Eth.GasPrice.SendRequestAsync()).Value;
        var estimate = (await web3.Eth.Transactions.EstimateGas.SendRequestAsync(new CallInput(data, address, new HexBigInteger(0)) { From = address })).Value;
        var gas = estimate * 5 / 4;
        var raw = new LegacyTransactionSigner().SignTransaction(o.PrivateKey!, new BigInteger(o.ChainId), address, BigInteger.Zero, nonce, gasPrice, gas, data);
        var txHash = "0x" + Sha3Keccack.Current.CalculateHashFromHex(raw);
        var anchor = new LedgerAnchor(latest.Size, hash, o.ChainId, address, (long)nonce, raw, txHash, now);
        db.LedgerAnchors.Add(anchor);
        await db.SaveChangesAsync(cancellationToken); // stored before it is sent: a retry sends these very bytes
        await web3.Eth.Transactions.SendRawTransaction.SendRequestAsync("0x" + raw.TrimStart('0', 'x'));
        anchor.Sent(now);
        return $"anchored size {latest.Size} in {txHash}";
    }

    private static async Task<string> FollowAsync(Web3 web3, List<LedgerAnchor> open, AnchorOptions o, DateTimeOffset now)
    {
        var head = (long)(await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;
        var said = new List<string>();
        foreach (var anchor in open)
        {
            var receipt = await web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(anchor.TransactionHash);
            if (receipt is not null)
            {
                var block = (long)receipt.BlockNumber.Value;
                if (receipt.Status?.Value == 0)
                {
                    anchor.Failed($"reverted in block {block}");
                    said.Add($"size {anchor.CheckpointSize} reverted");
                }
                else if (head - block + 1 >= o.Confirmations)
                {
                    anchor.Confirmed(block, now);
                    said.Add($"size {anchor.CheckpointSize} confirmed in block {block}");
                }
                continue;
            }
            if (anchor.Status == AnchorStatus.Stored || now - anchor.SentAt >= o.ResendAfter)
            {
                try
                {
                    await web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(anchor.RawTransaction.StartsWith("0x", StringComparison.Ordinal) ? anchor.RawTransaction : "0x" + anchor.RawTransaction);
                }
                catch (Nethereum.JsonRpc.Client.RpcResponseException e) when (e.Message.Contains("already", StringComparison.OrdinalIgnoreCase)
                    || e.Message.Contains("known", StringComparison.OrdinalIgnoreCase))
                {
                    // The node still holds it: waiting is all there is to do.
                }
                anchor.Sent(now);
                said.Add($"size {anchor.CheckpointSize} sent again");
            }
        }
        return said.Count == 0 ? "waiting for receipts" : string.Join("; ", said);
    }
}
