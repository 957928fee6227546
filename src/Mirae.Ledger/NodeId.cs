namespace Mirae.Ledger;

/// <summary>
/// A complete (perfect) subtree of the log: the node at <paramref name="Level"/> (0 = leaf) covering the
/// leaves <c>[Index · 2^Level, (Index + 1) · 2^Level)</c>. Once written, its hash never changes.
/// </summary>
/// <param name="Level">Height above the leaves, 0 to 62.</param>
/// <param name="Index">Position among the nodes of that level, from 0.</param>
public readonly record struct NodeId(int Level, long Index);

/// <summary>
/// Where a log keeps the hashes of its complete subtrees. Reads come in one batch per proof, so a
/// database-backed store can answer them with one query.
/// </summary>
public interface IHashStore
{
    /// <summary>Returns the stored hash of each node, in the order asked.</summary>
    /// <remarks>Every node asked for has been written before; a store may throw if not.</remarks>
    IReadOnlyList<byte[]> Read(IReadOnlyList<NodeId> nodes);

    /// <summary>
    /// Stores the hash of a node that has just become complete. An append writes its leaf and then the
    /// subtrees it closes, lowest first; a store that needs atomicity commits them together.
    /// </summary>
    void Write(NodeId node, ReadOnlySpan<byte> hash);
}
