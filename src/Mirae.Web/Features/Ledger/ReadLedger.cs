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

    /// <summary>The entries about a record (<c>call:12</c>), newest first, numbered or waiting; of one kind, whose body contains a text, when given.</summary>
    public async Task<List<Entry>> ForSubjectAsync(string subject, CancellationToken cancellationToken, string? kind = null, string? bodyContains = null)
    {
        var entries = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.Subject == subject && (kind == null || e.Kind == kind) && (bodyContains == null || e.Body.Contains(bodyContains)))
            .OrderByDescending(e => e.Id).Take(20).ToListAsync(cancellationToken);
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

    /// <summary>Entry <paramref name="index"/>'s leaf hash, the root of the log of <paramref name="size"/> entries and the inclusion proof (RFC 9162 §2.1.3).</summary>
    public Task<(byte[] Leaf, byte[] Root, IReadOnlyList<byte[]> Proof)> InclusionAsync(long index, long size, CancellationToken cancellationToken) =>
        WithNodesAsync(size, (log, store) => (store.Read([new NodeId(0, index)])[0], log.Root, log.InclusionProof(index, size)), cancellationToken);

    /// <summary>The roots of the logs of <paramref name="from"/> and <paramref name="to"/> entries and the consistency proof between them (RFC 9162 §2.1.4).</summary>
    public Task<(byte[] FromRoot, byte[] ToRoot, IReadOnlyList<byte[]> Proof)> ConsistencyAsync(long from, long to, CancellationToken cancellationToken) =>
        WithNodesAsync(to, (log, _) => (log.RootAt(from), log.Root, log.ConsistencyProof(from, to)), cancellationToken);

    /// <summary>
    /// Runs a computation over the stored tree with one asynchronous query: which nodes it reads depends only on the
    /// sizes and indices, not on the hashes, so a first pass over placeholder hashes lists them, they are read together,
    /// and the second pass computes over the real ones.
    /// </summary>
    private async Task<T> WithNodesAsync<T>(long size, Func<MerkleLog, IHashStore, T> compute, CancellationToken cancellationToken)
    {
        var plan = new PlanningStore();
        compute(new MerkleLog(plan, size), plan);
        var keys = plan.Keys.ToList();
        var found = await db.LedgerNodes.AsNoTracking().Where(n => keys.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Hash, cancellationToken);
        var store = new ReadStore(found);
        return compute(new MerkleLog(store, size), store);
    }

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
