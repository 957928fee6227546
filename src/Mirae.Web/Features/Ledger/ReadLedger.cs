using Microsoft.EntityFrameworkCore;
using Mirae.Ledger;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Ledger;

/// <summary>What anyone may read of the log: checkpoints, entries, proofs, and the entries that name a record or a file's hash.</summary>
public sealed class ReadLedger(AppDbContext db)
{
    public const int MaxPage = 1000;

    public sealed record Entry(long? Index, string Kind, string Subject, DateTimeOffset RecordedAt, string Body, string LeafHash, long? CheckpointSize,
        Anchor? AnchoredIn = null);

    /// <summary>The confirmed anchor of the first anchored checkpoint that includes an entry.</summary>
    public sealed record Anchor(long ChainId, string TransactionHash, long Block, long CheckpointSize);

    /// <summary>The entry with the first confirmed anchor of a checkpoint that includes it, if any.</summary>
    public async Task<Entry> WithAnchorAsync(Entry entry, CancellationToken cancellationToken)
    {
        if (entry.Index is not { } index)
        {
            return entry;
        }
        var anchor = await db.LedgerAnchors.AsNoTracking().Where(a => a.Status == AnchorStatus.Confirmed && a.CheckpointSize > index)
            .OrderBy(a => a.CheckpointSize).FirstOrDefaultAsync(cancellationToken);
        return anchor is null ? entry : entry with { AnchoredIn = new Anchor(anchor.ChainId, anchor.TransactionHash, anchor.BlockNumber!.Value, anchor.CheckpointSize) };
    }

    public Task<LedgerCheckpoint?> LatestCheckpointAsync(CancellationToken cancellationToken) =>
        db.LedgerCheckpoints.AsNoTracking().OrderByDescending(c => c.Size).FirstOrDefaultAsync(cancellationToken);

    public Task<List<LedgerCheckpoint>> CheckpointsAsync(long after, int limit, CancellationToken cancellationToken) =>
        db.LedgerCheckpoints.AsNoTracking().Where(c => c.Size > after).OrderBy(c => c.Size).Take(Math.Clamp(limit, 1, MaxPage)).ToListAsync(cancellationToken);

    /// <summary>The number of entries numbered so far (the largest size a proof can be asked for).</summary>
    public async Task<long> SizeAsync(CancellationToken cancellationToken) =>
        (await db.LedgerEntries.MaxAsync(e => e.Index, cancellationToken) ?? -1) + 1;

    public async Task<Entry?> EntryAsync(long index, CancellationToken cancellationToken)
    {
        var entry = await db.LedgerEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Index == index, cancellationToken);
        return entry is null ? null : await ToEntryAsync(entry, cancellationToken);
    }

    public async Task<List<Entry>> EntriesAsync(long from, int limit, CancellationToken cancellationToken)
    {
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.Index >= from).OrderBy(e => e.Index).Take(Math.Clamp(limit, 1, MaxPage))
            .ToListAsync(cancellationToken);
        return await WithCheckpointsAsync(entries, cancellationToken);
    }

    /// <summary>The entries about a record (<c>call:12</c>), newest first, numbered or waiting.</summary>
    public async Task<List<Entry>> ForSubjectAsync(string subject, CancellationToken cancellationToken)
    {
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.Subject == subject).OrderByDescending(e => e.Id).Take(20).ToListAsync(cancellationToken);
        var found = new List<Entry>();
        foreach (var entry in entries)
        {
            found.Add(await ToEntryAsync(entry, cancellationToken));
        }
        return found;
    }

    /// <summary>The entries whose body names a file's SHA-256 (lower-case hex): where a document is recorded.</summary>
    public async Task<List<Entry>> WithHashAsync(string sha256Hex, CancellationToken cancellationToken)
    {
        var needle = $"\"sha256\":\"{sha256Hex}\"";
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.Body.Contains(needle)).OrderBy(e => e.Id).Take(20).ToListAsync(cancellationToken);
        var found = new List<Entry>();
        foreach (var entry in entries)
        {
            found.Add(await ToEntryAsync(entry, cancellationToken));
        }
        return found;
    }

    /// <summary>The inclusion proof of entry <paramref name="index"/> in the log of <paramref name="size"/> entries (RFC 9162 §2.1.3).</summary>
    public IReadOnlyList<byte[]> InclusionProof(long index, long size) => new MerkleLog(new DbHashStore(db), size).InclusionProof(index, size);

    /// <summary>The consistency proof from the log of <paramref name="from"/> entries to that of <paramref name="to"/> (RFC 9162 §2.1.4).</summary>
    public IReadOnlyList<byte[]> ConsistencyProof(long from, long to) => new MerkleLog(new DbHashStore(db), to).ConsistencyProof(from, to);

    public byte[] RootAt(long size) => new MerkleLog(new DbHashStore(db), size).Root;

    /// <summary>The witnesses' cosignatures of these checkpoints, by size then witness.</summary>
    public Task<List<LedgerCosignature>> CosignaturesAsync(IReadOnlyList<long> sizes, CancellationToken cancellationToken) =>
        db.LedgerCosignatures.AsNoTracking().Where(c => sizes.Contains(c.Size)).OrderBy(c => c.Size).ThenBy(c => c.Witness).ToListAsync(cancellationToken);

    public Task<List<LedgerAlert>> AlertsAsync(CancellationToken cancellationToken) =>
        db.LedgerAlerts.AsNoTracking().OrderByDescending(a => a.Id).Take(20).ToListAsync(cancellationToken);

    /// <summary>
    /// A run of consecutive entries with the first checkpoint that includes each, in one query: checkpoints grow by at
    /// least one entry, so the first n + 1 above the run's first index cover its n entries.
    /// </summary>
    private async Task<List<Entry>> WithCheckpointsAsync(List<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return [];
        }
        var from = entries[0].Index!.Value;
        var checkpoints = await db.LedgerCheckpoints.AsNoTracking().Where(c => c.Size > from).OrderBy(c => c.Size).Select(c => c.Size)
            .Take(entries.Count + 1).ToListAsync(cancellationToken);
        return [.. entries.Select(e => Project(e, checkpoints.Cast<long?>().FirstOrDefault(s => s > e.Index)))];
    }

    private async Task<Entry> ToEntryAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        long? checkpoint = entry.Index is null ? null
            : await db.LedgerCheckpoints.AsNoTracking().Where(c => c.Size > entry.Index).OrderBy(c => c.Size).Select(c => (long?)c.Size).FirstOrDefaultAsync(cancellationToken);
        return Project(entry, checkpoint);
    }

    private static Entry Project(LedgerEntry e, long? checkpoint) =>
        new(e.Index, e.Kind, e.Subject, e.RecordedAt, e.Body, Convert.ToHexStringLower(e.LeafHash), checkpoint);
}
