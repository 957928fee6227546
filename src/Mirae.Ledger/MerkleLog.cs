namespace Mirae.Ledger;

/// <summary>
/// An append-only RFC 9162 Merkle tree over an <see cref="IHashStore"/>. It keeps only the frontier
/// (the roots of the complete subtrees along the right edge, O(log n) hashes) in memory; an append
/// writes one leaf hash and, on average, one node hash. Proofs read O(log n) stored hashes.
/// Not thread-safe: a log has a single writer (the sequencer).
/// </summary>
public sealed class MerkleLog
{
    private const int MaxLevels = 63;

    private readonly IHashStore _store;
    private readonly byte[]?[] _frontier = new byte[MaxLevels][];
    private byte[]? _root;

    /// <summary>Opens a log over <paramref name="store"/> that already holds <paramref name="size"/> leaves.</summary>
    /// <param name="store">The hash store; for an existing log it must hold every complete subtree of the first <paramref name="size"/> leaves.</param>
    /// <param name="size">Number of leaves already in the store, 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="size"/> is negative.</exception>
    public MerkleLog(IHashStore store, long size = 0)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        _store = store;
        Size = size;
        var nodes = Plan.Subtree(0, size);
        var hashes = nodes.Count == 0 ? [] : store.Read(nodes);
        for (var i = 0; i < nodes.Count; i++)
        {
            _frontier[nodes[i].Level] = hashes[i];
        }
    }

    /// <summary>Number of leaves in the log.</summary>
    public long Size { get; private set; }

    /// <summary>The current root hash (a copy); the empty-tree hash when <see cref="Size"/> is 0.</summary>
    public byte[] Root => (byte[])(_root ??= ComputeRoot()).Clone();

    /// <summary>Appends a leaf with <paramref name="data"/> and returns its index.</summary>
    public long Append(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[MerkleHash.Size];
        MerkleHash.Leaf(data, hash);
        return AppendLeafHash(hash);
    }

    /// <summary>Appends a leaf whose leaf hash is already known and returns its index.</summary>
    /// <exception cref="ArgumentException">When <paramref name="leafHash"/> is not 32 bytes.</exception>
    public long AppendLeafHash(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"a leaf hash is {MerkleHash.Size} bytes", nameof(leafHash));
        }
        var index = Size;
        Span<byte> carry = stackalloc byte[MerkleHash.Size];
        leafHash.CopyTo(carry);
        _store.Write(new NodeId(0, index), carry);

        // Each 1-bit at the bottom of the old size is a complete subtree that this leaf now closes.
        var level = 0;
        while (((index >> level) & 1) == 1)
        {
            MerkleHash.Node(_frontier[level]!, carry, carry);
            _frontier[level] = null;
            level++;
            _store.Write(new NodeId(level, index >> level), carry);
        }
        _frontier[level] = carry.ToArray();
        Size = index + 1;
        _root = null;
        return index;
    }

    /// <summary>The root of the tree formed by the first <paramref name="size"/> leaves.</summary>
    /// <param name="size">From 0 to <see cref="Size"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="size"/> is negative or above <see cref="Size"/>.</exception>
    public byte[] RootAt(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Size);
        if (size == Size)
        {
            return Root;
        }
        if (size == 0)
        {
            return MerkleHash.EmptyRoot();
        }
        var pieces = Plan.Subtree(0, size);
        return Plan.Fold(_store.Read(pieces), 0, pieces.Count);
    }

    /// <summary>The RFC 9162 inclusion proof (audit path) of leaf <paramref name="index"/> in the tree of the first <paramref name="size"/> leaves.</summary>
    /// <param name="index">The leaf, from 0 to <paramref name="size"/> − 1.</param>
    /// <param name="size">The tree size the proof is for, from 1 to <see cref="Size"/>.</param>
    /// <returns>The proof hashes, leaf side first; empty for a tree of one leaf.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="index"/> ≥ <paramref name="size"/>, <paramref name="size"/> > <see cref="Size"/>, or either is negative.</exception>
    public IReadOnlyList<byte[]> InclusionProof(long index, long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Size);
        if (index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"leaf index must be below the tree size {size}");
        }
        var plan = new Plan();
        plan.Path(index, 0, size);
        return plan.Execute(_store);
    }

    /// <summary>The RFC 9162 consistency proof that the tree of <paramref name="oldSize"/> leaves is a prefix of the tree of <paramref name="newSize"/> leaves.</summary>
    /// <param name="oldSize">From 0 to <paramref name="newSize"/>.</param>
    /// <param name="newSize">From <paramref name="oldSize"/> to <see cref="Size"/>.</param>
    /// <returns>The proof hashes; empty when <paramref name="oldSize"/> is 0 or equals <paramref name="newSize"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="oldSize"/> > <paramref name="newSize"/>, <paramref name="newSize"/> > <see cref="Size"/>, or either is negative.</exception>
    public IReadOnlyList<byte[]> ConsistencyProof(long oldSize, long newSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(oldSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(newSize, Size);
        if (oldSize > newSize)
        {
            throw new ArgumentOutOfRangeException(nameof(oldSize), oldSize, $"old size must not exceed the new size {newSize}");
        }
        if (oldSize == 0 || oldSize == newSize)
        {
            return [];
        }
        var plan = new Plan();
        plan.SubProof(oldSize, 0, newSize, complete: true);
        return plan.Execute(_store);
    }

    private byte[] ComputeRoot()
    {
        byte[]? accumulator = null;
        for (var level = 0; level < MaxLevels; level++)
        {
            if (_frontier[level] is { } hash)
            {
                accumulator = accumulator is null ? hash : MerkleHash.Node(hash, accumulator);
            }
        }
        return accumulator ?? MerkleHash.EmptyRoot();
    }

    /// <summary>
    /// A proof as a list of subtree hashes, each the fold of one or more stored complete subtrees. All the
    /// stored nodes are read in one batch: at most one element of a proof is an incomplete subtree, so a
    /// proof reads O(log n) nodes.
    /// </summary>
    private sealed class Plan
    {
        private readonly List<NodeId> _nodes = [];
        private readonly List<int> _elementEnds = [];

        /// <summary>RFC 9162 §2.1.3.1 PATH(m, D[start : start + n]).</summary>
        public void Path(long m, long start, long n)
        {
            if (n == 1)
            {
                return;
            }
            var k = LargestPowerOfTwoBelow(n);
            if (m < k)
            {
                Path(m, start, k);
                AddElement(start + k, n - k);
            }
            else
            {
                Path(m - k, start + k, n - k);
                AddElement(start, k);
            }
        }

        /// <summary>RFC 9162 §2.1.4.1 SUBPROOF(m, D[start : start + n], b).</summary>
        public void SubProof(long m, long start, long n, bool complete)
        {
            if (m == n)
            {
                if (!complete)
                {
                    AddElement(start, n);
                }
                return;
            }
            var k = LargestPowerOfTwoBelow(n);
            if (m <= k)
            {
                SubProof(m, start, k, complete);
                AddElement(start + k, n - k);
            }
            else
            {
                SubProof(m - k, start + k, n - k, complete: false);
                AddElement(start, k);
            }
        }

        public byte[][] Execute(IHashStore store)
        {
            var hashes = _nodes.Count == 0 ? [] : store.Read(_nodes);
            var proof = new byte[_elementEnds.Count][];
            var begin = 0;
            for (var i = 0; i < proof.Length; i++)
            {
                proof[i] = Fold(hashes, begin, _elementEnds[i]);
                begin = _elementEnds[i];
            }
            return proof;
        }

        /// <summary>
        /// The complete subtrees that make up the leaves <c>[start, start + size)</c>, largest first;
        /// <paramref name="start"/> is aligned to a power of two at least as large as <paramref name="size"/>.
        /// </summary>
        public static List<NodeId> Subtree(long start, long size)
        {
            var nodes = new List<NodeId>();
            for (var level = MaxLevels - 1; level >= 0; level--)
            {
                if (((size >> level) & 1) == 1)
                {
                    nodes.Add(new NodeId(level, start >> level));
                    start += 1L << level;
                }
            }
            return nodes;
        }

        /// <summary>MTH of consecutive complete subtrees, largest first: they nest to the right (RFC 9162 §2.1.1).</summary>
        public static byte[] Fold(IReadOnlyList<byte[]> hashes, int begin, int end)
        {
            var accumulator = hashes[end - 1];
            for (var i = end - 2; i >= begin; i--)
            {
                accumulator = MerkleHash.Node(hashes[i], accumulator);
            }
            return accumulator;
        }

        private void AddElement(long start, long size)
        {
            _nodes.AddRange(Subtree(start, size));
            _elementEnds.Add(_nodes.Count);
        }
    }

    internal static long LargestPowerOfTwoBelow(long n) => 1L << (63 - (int)long.LeadingZeroCount(n - 1));
}
