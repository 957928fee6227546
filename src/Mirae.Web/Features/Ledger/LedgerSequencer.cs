using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Mirae.Ledger;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Ledger;

/// <summary>
/// The log's single writer (ADR 018). Each step holds the database lock "ledger", so instances sharing the database
/// take turns and never give an index twice. A round numbers the committed entries that have none, in arrival order
/// and in one batch (their leaf and node hashes saved with the indices, in one transaction); then, if the log grew
/// since the last checkpoint, re-hashes every entry since it from what is stored (and from the records themselves where
/// a feature can rebuild them), rebuilds the tree on top of the last signed one and compares: only when everything
/// matches is the new checkpoint signed. A mismatch signs nothing and raises an alert naming the first bad index.
/// </summary>
public sealed partial class LedgerSequencer(IServiceScopeFactory scopes, LedgerKey key, TimeProvider clock, ILogger<LedgerSequencer> logger)
{
    public const int BatchSize = 5000;

    public sealed record Outcome(int Sequenced, long Size, LedgerCheckpoint? Checkpoint, LedgerAlert? Alert);

    /// <summary>One round: <see cref="SequenceAsync"/>, then <see cref="SignAsync"/>.</summary>
    public async Task<Outcome> RunOnceAsync(CancellationToken cancellationToken)
    {
        var sequenced = await SequenceAsync(cancellationToken);
        var (size, checkpoint, alert) = await SignAsync(cancellationToken);
        return new Outcome(sequenced, size, checkpoint, alert);
    }

    /// <summary>
    /// Numbers the committed entries that have no index yet, in arrival order, at most <see cref="BatchSize"/> in one
    /// transaction: the hashes are computed here, the indices and the new nodes written in one statement each.
    /// </summary>
    public async Task<int> SequenceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.LockAsync("ledger", cancellationToken);
        var pending = await db.LedgerEntries.AsNoTracking().Where(e => e.Index == null).OrderBy(e => e.Id).Take(BatchSize)
            .Select(e => new { e.Id, e.LeafHash }).ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }
        var size = (await db.LedgerEntries.MaxAsync(e => e.Index, cancellationToken) ?? -1) + 1;
        var store = new DbHashStore(db);
        var log = new MerkleLog(store, size);
        foreach (var entry in pending)
        {
            log.AppendLeafHash(entry.LeafHash);
        }
        await LedgerWrites.NumberAsync(db, [.. pending.Select(e => e.Id)], size, cancellationToken);
        await LedgerWrites.AddNodesAsync(db, store.Written, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return pending.Count;
    }

    /// <summary>
    /// When the log grew since the last checkpoint: checks the entries since it and signs a checkpoint of the whole log,
    /// or, when something no longer matches, signs nothing and raises an alert. Nothing happens without a signing key.
    /// </summary>
    public async Task<(long Size, LedgerCheckpoint? Checkpoint, LedgerAlert? Alert)> SignAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.LockAsync("ledger", cancellationToken);
        var size = (await db.LedgerEntries.MaxAsync(e => e.Index, cancellationToken) ?? -1) + 1;
        var last = await db.LedgerCheckpoints.AsNoTracking().OrderByDescending(c => c.Size).FirstOrDefaultAsync(cancellationToken);
        if (size <= (last?.Size ?? 0) || key.Signer is not { } signer)
        {
            return (size, null, null);
        }
        LedgerCheckpoint? signed = null;
        LedgerAlert? alert = null;
        try
        {
            var sources = scope.ServiceProvider.GetServices<ILedgerSource>().ToDictionary(s => s.Kind, StringComparer.Ordinal);
            var root = await CheckAsync(db, new DbHashStore(db), sources, last, size, cancellationToken);
            signed = new LedgerCheckpoint(size, root, signer.Sign(new Checkpoint(key.Origin, size, root)), clock.GetUtcNow());
            db.LedgerCheckpoints.Add(signed);
        }
        catch (LedgerBrokenException broken)
        {
            alert = new LedgerAlert(broken.Index, broken.Message, clock.GetUtcNow());
            db.LedgerAlerts.Add(alert);
            scope.ServiceProvider.GetRequiredService<AuditLog>().Add(AuditActions.LedgerRefused, $"ledger:{broken.Index}", broken.Message);
            LogRefused(logger, broken.Index, broken.Message);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (size, signed, alert);
    }

    /// <summary>
    /// Re-hashes the entries [last checkpoint, size) from their stored bodies (and, for decisions the log can rebuild,
    /// from the records themselves), checks the stored tree still has the last signed root, and returns the root of the
    /// tree rebuilt from the re-hashed entries when it equals the stored one.
    /// </summary>
    private static async Task<byte[]> CheckAsync(AppDbContext db, DbHashStore store, Dictionary<string, ILedgerSource> sources, LedgerCheckpoint? last, long size,
        CancellationToken cancellationToken)
    {
        var from = last?.Size ?? 0;
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.Index >= from && e.Index < size).OrderBy(e => e.Index).ToListAsync(cancellationToken);
        var rebuilt = new MerkleLog(new RebuildStore(store, from), from);
        if (last is not null && !rebuilt.Root.AsSpan().SequenceEqual(last.RootHash))
        {
            throw new LedgerBrokenException(FirstBadBelow(store, db, from), "the tree below the last checkpoint no longer has its signed root");
        }
        // Decisions a feature can rebuild (selections: few, and the ones that matter most) are checked against their
        // records on every round, not only since the last checkpoint: a record changed long after it was signed stops
        // the next checkpoint too.
        var sourced = sources.Keys.ToList();
        var earlier = await db.LedgerEntries.AsNoTracking().Where(e => e.Index < from && sourced.Contains(e.Kind)).OrderBy(e => e.Index).ToListAsync(cancellationToken);
        foreach (var entry in earlier)
        {
            await CheckRecordAsync(db, sources[entry.Kind], entry, cancellationToken);
        }
        var storedLeaves = entries.Count == 0 ? [] : store.Read([.. entries.Select(e => new NodeId(0, e.Index!.Value))]);
        var expected = from;
        foreach (var entry in entries)
        {
            if (entry.Index != expected)
            {
                throw new LedgerBrokenException(expected, $"entry {expected} is missing");
            }
            var leaf = MerkleHash.Leaf(Encoding.UTF8.GetBytes(entry.Body));
            if (!leaf.AsSpan().SequenceEqual(entry.LeafHash))
            {
                throw new LedgerBrokenException(expected, $"entry {expected}'s body no longer has its leaf hash");
            }
            if (!leaf.AsSpan().SequenceEqual(storedLeaves[(int)(expected - from)]))
            {
                throw new LedgerBrokenException(expected, $"entry {expected} is not the leaf the tree holds at its place");
            }
            if (sources.TryGetValue(entry.Kind, out var source))
            {
                await CheckRecordAsync(db, source, entry, cancellationToken);
            }
            rebuilt.AppendLeafHash(leaf);
            expected++;
        }
        if (expected != size || await db.LedgerNodes.AnyAsync(n => n.Id == size, cancellationToken))
        {
            // A leaf node beyond the last entry: the entry that was there is gone.
            throw new LedgerBrokenException(expected, $"entry {expected} is missing");
        }
        var stored = new MerkleLog(store, size).Root;
        if (!rebuilt.Root.AsSpan().SequenceEqual(stored))
        {
            // Every leaf matched: a node above them changed.
            throw new LedgerBrokenException(from, "the stored tree's inner nodes no longer match the entries");
        }
        return rebuilt.Root;
    }

    private static async Task CheckRecordAsync(AppDbContext db, ILedgerSource source, LedgerEntry entry, CancellationToken cancellationToken)
    {
        var recorded = JsonNode.Parse(entry.Body)?["data"];
        var fromRecord = await source.RebuildAsync(db, entry.Subject, recorded, cancellationToken);
        if (fromRecord is null || CanonicalJson.Write(fromRecord) != CanonicalJson.Write(recorded))
        {
            throw new LedgerBrokenException(entry.Index!.Value, $"entry {entry.Index}: the {entry.Subject} record no longer says what was recorded");
        }
    }

    /// <summary>The first leaf below <paramref name="size"/> whose stored node differs from its entry's leaf hash (or 0).</summary>
    private static long FirstBadBelow(DbHashStore store, AppDbContext db, long size)
    {
        var hashes = db.LedgerEntries.AsNoTracking().Where(e => e.Index < size).OrderBy(e => e.Index).Select(e => new { e.Index, e.LeafHash }).ToList();
        for (var i = 0; i < hashes.Count; i++)
        {
            if (hashes[i].Index != i || !store.Read([new NodeId(0, i)])[0].AsSpan().SequenceEqual(hashes[i].LeafHash))
            {
                return i;
            }
        }
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Ledger: refused to sign a checkpoint, entry {Index}: {Reason}")]
    private static partial void LogRefused(ILogger logger, long index, string reason);
}

/// <summary>
/// A feature whose entries the log can check against the record itself, not only against the stored body: it rebuilds an
/// entry's <c>data</c> from its current rows (null when the record is gone). Registered with <c>AddLedgerSource</c>.
/// </summary>
public interface ILedgerSource
{
    string Kind { get; }

    /// <param name="recorded">The entry's recorded data, for the ids it names (a decision's id).</param>
    Task<JsonNode?> RebuildAsync(AppDbContext db, string subject, JsonNode? recorded, CancellationToken cancellationToken);
}

/// <summary>Runs the sequencer in the background: when an entry is added (<see cref="LedgerSignal"/>) or every interval.</summary>
public sealed partial class LedgerBackground(LedgerSequencer sequencer, LedgerSignal signal, Microsoft.Extensions.Options.IOptions<LedgerOptions> options,
    ILogger<LedgerBackground> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Background)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(options.Value.Interval, stoppingToken);
                // A poke comes as the entry is added, before its transaction commits: give the commit a moment.
                await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
                await sequencer.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the loop must outlive a failed round (database restarting); the next round retries
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Ledger: a sequencing round failed; the next round retries")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
