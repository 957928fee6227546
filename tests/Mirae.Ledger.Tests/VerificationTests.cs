namespace Mirae.Ledger.Tests;

/// <summary>Every way a published proof can be wrong must fail, with a reason, without throwing.</summary>
public sealed class VerificationTests
{
    private static byte[] Flip(byte[] hash, int bit)
    {
        var copy = (byte[])hash.Clone();
        copy[bit / 8 % copy.Length] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    private static byte[][] Replace(byte[][] proof, int at, byte[] hash) => proof.Select((h, i) => i == at ? hash : h).ToArray();

    [Theory, MemberData(nameof(Vectors.InclusionCases), MemberType = typeof(Vectors))]
    public void Inclusion_AnyAlteration_Fails(int number)
    {
        var v = Vectors.Inclusions[number];
        var other = Flip(v.Root, 77);

        var failures = new List<(string Case, VerificationResult Result)>
        {
            ("flipped leaf", MerkleProof.VerifyInclusion(v.Index, v.Size, Flip(v.LeafHash, 3), v.Root, v.Proof)),
            ("flipped root", MerkleProof.VerifyInclusion(v.Index, v.Size, v.LeafHash, other, v.Proof)),
            // A neighbouring size can share the path's shape (the checkpoint signature binds the size);
            // a doubled size always needs a longer path.
            ("size · 2 + 1", MerkleProof.VerifyInclusion(v.Index, v.Size * 2 + 1, v.LeafHash, v.Root, v.Proof)),
            ("too long", MerkleProof.VerifyInclusion(v.Index, v.Size, v.LeafHash, v.Root, [.. v.Proof, v.Root])),
            ("index = size", MerkleProof.VerifyInclusion(v.Size, v.Size, v.LeafHash, v.Root, v.Proof)),
            ("short hash", MerkleProof.VerifyInclusion(v.Index, v.Size, v.LeafHash.AsSpan(0, 31), v.Root, v.Proof)),
        };
        for (var i = 0; i < v.Proof.Length; i++)
        {
            failures.Add(($"flipped proof[{i}]", MerkleProof.VerifyInclusion(v.Index, v.Size, v.LeafHash, v.Root, Replace(v.Proof, i, Flip(v.Proof[i], i * 13)))));
        }
        if (v.Proof.Length > 0)
        {
            failures.Add(("too short", MerkleProof.VerifyInclusion(v.Index, v.Size, v.LeafHash, v.Root, v.Proof[..^1])));
        }
        if (v.Size > 1)
        {
            failures.Add(("other index", MerkleProof.VerifyInclusion((v.Index + 1) % v.Size, v.Size, v.LeafHash, v.Root, v.Proof)));
            if (v.Index < v.Size / 2)
            {
                failures.Add(("size / 2", MerkleProof.VerifyInclusion(v.Index, v.Size / 2, v.LeafHash, v.Root, v.Proof)));
            }
        }

        Assert.True(MerkleProof.VerifyInclusion(v.Index, v.Size, v.LeafHash, v.Root, v.Proof).IsValid);
        Assert.All(failures, f =>
        {
            Assert.False(f.Result.IsValid, f.Case);
            Assert.False(string.IsNullOrWhiteSpace(f.Result.Failure), f.Case);
        });
    }

    [Theory, MemberData(nameof(Vectors.ConsistencyCases), MemberType = typeof(Vectors))]
    public void Consistency_AnyAlteration_Fails(int number)
    {
        var v = Vectors.Consistencies[number];

        var failures = new List<(string Case, VerificationResult Result)>
        {
            ("swapped roots", MerkleProof.VerifyConsistency(v.OldSize, v.NewSize, v.NewRoot, v.OldRoot, v.Proof)),
            ("flipped old root", MerkleProof.VerifyConsistency(v.OldSize, v.NewSize, Flip(v.OldRoot, 9), v.NewRoot, v.Proof)),
            ("flipped new root", MerkleProof.VerifyConsistency(v.OldSize, v.NewSize, v.OldRoot, Flip(v.NewRoot, 200), v.Proof)),
            ("new size · 2 + 1", MerkleProof.VerifyConsistency(v.OldSize, v.NewSize * 2 + 1, v.OldRoot, v.NewRoot, v.Proof)),
            ("old size > new size", MerkleProof.VerifyConsistency(v.NewSize + 1, v.NewSize, v.OldRoot, v.NewRoot, v.Proof)),
            ("too long", MerkleProof.VerifyConsistency(v.OldSize, v.NewSize, v.OldRoot, v.NewRoot, [.. v.Proof, v.NewRoot])),
            ("too short", MerkleProof.VerifyConsistency(v.OldSize, v.NewSize, v.OldRoot, v.NewRoot, v.Proof[..^1])),
            ("empty", MerkleProof.VerifyConsistency(v.OldSize, v.NewSize, v.OldRoot, v.NewRoot, [])),
        };
        for (var i = 0; i < v.Proof.Length; i++)
        {
            failures.Add(($"flipped proof[{i}]", MerkleProof.VerifyConsistency(v.OldSize, v.NewSize, v.OldRoot, v.NewRoot, Replace(v.Proof, i, Flip(v.Proof[i], i * 7 + 1)))));
        }

        Assert.True(MerkleProof.VerifyConsistency(v.OldSize, v.NewSize, v.OldRoot, v.NewRoot, v.Proof).IsValid);
        Assert.All(failures, f =>
        {
            Assert.False(f.Result.IsValid, f.Case);
            Assert.False(string.IsNullOrWhiteSpace(f.Result.Failure), f.Case);
        });
    }

    [Fact]
    public void Preconditions_AreReportedAsFailuresWithTheReason()
    {
        var root = Vectors.Roots[8];

        Assert.Equal("leaf index 8 is not below tree size 8", MerkleProof.VerifyInclusion(8, 8, root, root, []).Failure);
        Assert.Equal("old size 9 is greater than new size 8", MerkleProof.VerifyConsistency(9, 8, root, root, []).Failure);
        Assert.Equal("index and size must not be negative", MerkleProof.VerifyInclusion(-1, 8, root, root, []).Failure);
        Assert.True(MerkleProof.VerifyConsistency(8, 8, root, root, []).IsValid);
        Assert.False(MerkleProof.VerifyConsistency(8, 8, root, root, [root]).IsValid);
        Assert.True(MerkleProof.VerifyConsistency(0, 8, Vectors.Roots[0], root, []).IsValid);
        Assert.False(MerkleProof.VerifyConsistency(0, 8, root, root, []).IsValid);
    }
}
