namespace Mirae.Ledger;

/// <summary>An <see cref="IHashStore"/> in memory: one growing byte array per level, 32 bytes a node.</summary>
public sealed class InMemoryHashStore : IHashStore
{
    private readonly List<byte[]> _levels = [];
    private readonly List<long> _counts = [];

    /// <summary>How many reads were made through <see cref="Read"/>, node by node (for tests and benchmarks).</summary>
    public long NodesRead { get; private set; }

    /// <inheritdoc />
    public IReadOnlyList<byte[]> Read(IReadOnlyList<NodeId> nodes)
    {
        var result = new byte[nodes.Count][];
        for (var i = 0; i < nodes.Count; i++)
        {
            var (level, index) = nodes[i];
            if (level >= _levels.Count || index < 0 || index >= _counts[level])
            {
                throw new InvalidOperationException($"node ({level}, {index}) was never written");
            }
            result[i] = _levels[level].AsSpan(checked((int)(index * MerkleHash.Size)), MerkleHash.Size).ToArray();
        }
        NodesRead += nodes.Count;
        return result;
    }

    /// <inheritdoc />
    public void Write(NodeId node, ReadOnlySpan<byte> hash)
    {
        while (_levels.Count <= node.Level)
        {
            _levels.Add(new byte[MerkleHash.Size * 16]);
            _counts.Add(0);
        }
        var count = _counts[node.Level];
        if (node.Index > count)
        {
            throw new InvalidOperationException($"node ({node.Level}, {node.Index}) written before ({node.Level}, {count})");
        }
        var offset = checked((int)(node.Index * MerkleHash.Size));
        var buffer = _levels[node.Level];
        if (offset + MerkleHash.Size > buffer.Length)
        {
            Array.Resize(ref buffer, checked((int)Math.Min((long)buffer.Length * 2, Array.MaxLength)));
            _levels[node.Level] = buffer;
        }
        hash.CopyTo(buffer.AsSpan(offset));
        _counts[node.Level] = Math.Max(count, node.Index + 1);
    }
}
