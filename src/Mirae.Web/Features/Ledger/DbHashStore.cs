using Microsoft.EntityFrameworkCore;
using Mirae.Ledger;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Ledger;

/// <summary>
/// The log's hash store in the database (ADR 005's IHashStore): a batch of nodes is one query; written nodes are kept in
/// <see cref="Written"/> until the sequencer saves them in one statement, with the entries' indices, in one transaction.
/// </summary>
public sealed class DbHashStore(AppDbContext db) : IHashStore
{
    private readonly Dictionary<long, byte[]> _written = [];

    /// <summary>The nodes written since this store was made (key as <see cref="LedgerNode.KeyOf"/>), not yet saved.</summary>
    public IReadOnlyDictionary<long, byte[]> Written => _written;

    public IReadOnlyList<byte[]> Read(IReadOnlyList<NodeId> nodes)
    {
        var keys = nodes.Select(LedgerNode.KeyOf).ToList();
        var missing = keys.Where(k => !_written.ContainsKey(k)).Distinct().ToList();
        var found = missing.Count == 0 ? [] : db.LedgerNodes.AsNoTracking().Where(n => missing.Contains(n.Id)).ToDictionary(n => n.Id, n => n.Hash);
        return [.. keys.Select(k => _written.TryGetValue(k, out var hash) ? hash : found.TryGetValue(k, out var stored) ? stored : throw ReadStore.Missing(k))];
    }

    public void Write(NodeId node, ReadOnlySpan<byte> hash)
    {
        _written[LedgerNode.KeyOf(node)] = hash.ToArray();
    }
}

/// <summary>
/// Reads the nodes of the first <paramref name="trustedSize"/> leaves from the database (they were checked when the last
/// checkpoint was signed) and keeps every other node in memory: the log rebuilt from re-hashed entries on top of it.
/// </summary>
public sealed class RebuildStore(IHashStore stored, long trustedSize) : IHashStore
{
    private readonly Dictionary<NodeId, byte[]> _memory = [];

    public IReadOnlyList<byte[]> Read(IReadOnlyList<NodeId> nodes)
    {
        var fromDatabase = nodes.Where(n => !_memory.ContainsKey(n) && ((n.Index + 1) << n.Level) <= trustedSize).ToList();
        var read = fromDatabase.Count == 0 ? [] : stored.Read(fromDatabase);
        var byNode = fromDatabase.Select((n, i) => (n, read[i])).ToDictionary(p => p.n, p => p.Item2);
        return [.. nodes.Select(n => _memory.TryGetValue(n, out var hash) ? hash : byNode[n])];
    }

    public void Write(NodeId node, ReadOnlySpan<byte> hash) => _memory[node] = hash.ToArray();
}

/// <summary>Lists the nodes a computation reads, answering with placeholder hashes (see <see cref="ReadLedger"/>).</summary>
internal sealed class PlanningStore : IHashStore
{
    private static readonly byte[] Placeholder = new byte[32];

    public HashSet<long> Keys { get; } = [];

    public IReadOnlyList<byte[]> Read(IReadOnlyList<NodeId> nodes)
    {
        foreach (var node in nodes)
        {
            Keys.Add(LedgerNode.KeyOf(node));
        }
        return [.. nodes.Select(_ => Placeholder)];
    }

    public void Write(NodeId node, ReadOnlySpan<byte> hash) => throw new InvalidOperationException("reading only");
}

/// <summary>Nodes read beforehand (key as <see cref="LedgerNode.KeyOf"/>); a node that is not there is a broken log.</summary>
internal sealed class ReadStore(IReadOnlyDictionary<long, byte[]> nodes) : IHashStore
{
    public IReadOnlyList<byte[]> Read(IReadOnlyList<NodeId> wanted) =>
        [.. wanted.Select(n => nodes.TryGetValue(LedgerNode.KeyOf(n), out var hash) ? hash : throw Missing(LedgerNode.KeyOf(n)))];

    public void Write(NodeId node, ReadOnlySpan<byte> hash) => throw new InvalidOperationException("reading only");

    public static LedgerBrokenException Missing(long key) =>
        new(key & ((1L << 48) - 1), $"stored node (level {key >> 48}, index {key & ((1L << 48) - 1)}) is missing");
}

/// <summary>The stored log does not match what was recorded at <see cref="Index"/>.</summary>
public sealed class LedgerBrokenException(long index, string reason) : Exception(reason)
{
    public long Index { get; } = index;
}
