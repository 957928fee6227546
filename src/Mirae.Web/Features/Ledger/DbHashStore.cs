using Microsoft.EntityFrameworkCore;
using Mirae.Ledger;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Ledger;

/// <summary>
/// The log's hash store in the database (ADR 005's IHashStore): a batch of nodes is one query; written nodes are added
/// to the context and saved by the sequencer's SaveChanges, with the entries' indices, in one transaction.
/// </summary>
public sealed class DbHashStore(AppDbContext db) : IHashStore
{
    private readonly Dictionary<long, byte[]> _written = [];

    public IReadOnlyList<byte[]> Read(IReadOnlyList<NodeId> nodes)
    {
        var keys = nodes.Select(LedgerNode.KeyOf).ToList();
        var missing = keys.Where(k => !_written.ContainsKey(k)).Distinct().ToList();
        var found = missing.Count == 0 ? [] : db.LedgerNodes.AsNoTracking().Where(n => missing.Contains(n.Id)).ToDictionary(n => n.Id, n => n.Hash);
        return [.. keys.Select(k => _written.TryGetValue(k, out var hash) ? hash
            : found.TryGetValue(k, out var stored) ? stored
            : throw new LedgerBrokenException(k & ((1L << 48) - 1), $"stored node (level {k >> 48}, index {k & ((1L << 48) - 1)}) is missing"))];
    }

    public void Write(NodeId node, ReadOnlySpan<byte> hash)
    {
        var bytes = hash.ToArray();
        _written[LedgerNode.KeyOf(node)] = bytes;
        db.LedgerNodes.Add(new LedgerNode(node, bytes));
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

/// <summary>The stored log does not match what was recorded at <see cref="Index"/>.</summary>
public sealed class LedgerBrokenException(long index, string reason) : Exception(reason)
{
    public long Index { get; } = index;
}
