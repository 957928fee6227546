namespace Mirae.Ledger.Tests;

public sealed class MerkleLogTests
{
    private static MerkleLog Build(IEnumerable<byte[]> leaves, InMemoryHashStore? store = null)
    {
        var log = new MerkleLog(store ?? new InMemoryHashStore());
        foreach (var leaf in leaves)
        {
            log.Append(leaf);
        }
        return log;
    }

    [Fact]
    public void Append_AfterEveryLeaf_GivesThePublishedRoot()
    {
        var roots = Vectors.Roots;
        var log = new MerkleLog(new InMemoryHashStore());

        Assert.Equal(roots[0], log.Root);
        foreach (var leaf in Vectors.Leaves)
        {
            log.Append(leaf);
            Assert.Equal(roots[log.Size], log.Root);
        }
        Assert.Equal(64, log.Size);
    }

    [Fact]
    public void RootAt_EveryEarlierSize_GivesThePublishedRoot()
    {
        var log = Build(Vectors.Leaves);

        foreach (var (size, root) in Vectors.Roots)
        {
            Assert.Equal(root, log.RootAt(size));
        }
    }

    [Theory, MemberData(nameof(Vectors.InclusionCases), MemberType = typeof(Vectors))]
    public void InclusionProof_MatchesTheVector_AndVerifies(int number)
    {
        var vector = Vectors.Inclusions[number];
        var log = Build(Vectors.Leaves);

        var proof = log.InclusionProof(vector.Index, vector.Size);

        Assert.Equal(vector.Proof, proof);
        Assert.True(MerkleProof.VerifyInclusion(vector.Index, vector.Size, vector.LeafHash, vector.Root, proof).IsValid);
    }

    [Theory, MemberData(nameof(Vectors.ConsistencyCases), MemberType = typeof(Vectors))]
    public void ConsistencyProof_MatchesTheVector_AndVerifies(int number)
    {
        var vector = Vectors.Consistencies[number];
        var log = Build(Vectors.Leaves);

        var proof = log.ConsistencyProof(vector.OldSize, vector.NewSize);

        Assert.Equal(vector.Proof, proof);
        Assert.True(MerkleProof.VerifyConsistency(vector.OldSize, vector.NewSize, vector.OldRoot, vector.NewRoot, proof).IsValid);
    }

    [Fact]
    public void EveryPair_UpTo300Leaves_AgreesWithTheNaiveRfcImplementation()
    {
        var leaves = Enumerable.Range(0, 300).Select(i => Enumerable.Repeat((byte)i, i % 5 + 1).ToArray()).ToList();
        var naive = new NaiveTree(leaves);
        var log = Build(leaves);

        for (var size = 0; size <= 300; size++)
        {
            var root = log.RootAt(size);
            Assert.Equal(naive.Mth(0, size), root);
            for (var index = 0; index < size; index++)
            {
                var proof = log.InclusionProof(index, size);
                Assert.Equal(naive.Path(index, 0, size), proof);
                Assert.True(MerkleProof.VerifyInclusion(index, size, naive.Mth(index, index + 1), root, proof).IsValid, $"inclusion {index}/{size}");
            }
            for (var old = 1; old < size; old++)
            {
                var proof = log.ConsistencyProof(old, size);
                Assert.Equal(naive.Proof(old, size), proof);
                Assert.True(MerkleProof.VerifyConsistency(old, size, naive.Mth(0, old), root, proof).IsValid, $"consistency {old}->{size}");
            }
        }
    }

    [Fact]
    public void Proofs_ReadOnlyLogarithmicallyManyStoredHashes()
    {
        var store = new InMemoryHashStore();
        var log = Build(Enumerable.Range(0, 100_000).Select(i => BitConverter.GetBytes(i)), store);
        var random = new Random(20261122);
        var bound = 2 * 17 + 2; // 2·⌈log2 100 000⌉ + 2

        for (var i = 0; i < 200; i++)
        {
            var size = random.NextInt64(2, log.Size + 1);
            var before = store.NodesRead;
            log.InclusionProof(random.NextInt64(0, size), size);
            Assert.InRange(store.NodesRead - before, 0, bound);

            before = store.NodesRead;
            log.ConsistencyProof(random.NextInt64(1, size), size);
            Assert.InRange(store.NodesRead - before, 0, bound);
        }
    }

    [Fact]
    public void Reopen_OverTheSameStore_ContinuesTheSameTree()
    {
        var store = new InMemoryHashStore();
        var first = Build(Vectors.Leaves.Take(45), store);
        var before = store.NodesRead;

        var reopened = new MerkleLog(store, first.Size);
        foreach (var leaf in Vectors.Leaves.Skip(45))
        {
            reopened.Append(leaf);
        }

        Assert.Equal(Vectors.Roots[64], reopened.Root);
        Assert.Equal(4, store.NodesRead - before); // 45 = 32 + 8 + 4 + 1: four frontier nodes, read in one batch
    }

    [Fact]
    public void ProofGeneration_WithBrokenPreconditions_ThrowsArgumentErrorsAtTheEntry()
    {
        var log = Build(Vectors.Leaves.Take(10));

        Assert.Throws<ArgumentOutOfRangeException>(() => log.InclusionProof(10, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.InclusionProof(0, 11));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.InclusionProof(-1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.ConsistencyProof(6, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.ConsistencyProof(5, 11));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.RootAt(11));
        Assert.Throws<ArgumentException>(() => log.AppendLeafHash(new byte[31]));
        Assert.Empty(log.ConsistencyProof(0, 10));
        Assert.Empty(log.ConsistencyProof(10, 10));
    }
}
