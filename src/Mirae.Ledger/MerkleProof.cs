namespace Mirae.Ledger;

/// <summary>
/// Verification of RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proofs. Nothing here throws
/// for bad input: every broken precondition or mismatch is a failed <see cref="VerificationResult"/>.
/// </summary>
public static class MerkleProof
{
    /// <summary>Checks that the leaf with hash <paramref name="leafHash"/> is at <paramref name="index"/> in the tree of <paramref name="size"/> leaves with root <paramref name="root"/>.</summary>
    /// <param name="index">The leaf index; must be below <paramref name="size"/>.</param>
    /// <param name="size">The tree size; must be at least 1.</param>
    /// <param name="leafHash">The leaf hash (not the leaf data), 32 bytes.</param>
    /// <param name="root">The tree's root hash, 32 bytes.</param>
    /// <param name="proof">The audit path, leaf side first; each element 32 bytes.</param>
    public static VerificationResult VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash, ReadOnlySpan<byte> root, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (index < 0 || size < 0)
        {
            return VerificationResult.Fail("index and size must not be negative");
        }
        if (index >= size)
        {
            return VerificationResult.Fail($"leaf index {index} is not below tree size {size}");
        }
        if (WrongLength(leafHash, root, proof) is { } lengthFailure)
        {
            return lengthFailure;
        }

        var fn = index;
        var sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                return VerificationResult.Fail("proof is too long for this index and size");
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.Node(p, r, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                MerkleHash.Node(r, p, r);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0)
        {
            return VerificationResult.Fail("proof is too short for this index and size");
        }
        return r.AsSpan().SequenceEqual(root)
            ? VerificationResult.Valid
            : VerificationResult.Fail("calculated root differs from the given root");
    }

    /// <summary>Checks that the tree of <paramref name="oldSize"/> leaves with root <paramref name="oldRoot"/> is a prefix of the tree of <paramref name="newSize"/> leaves with root <paramref name="newRoot"/>.</summary>
    /// <param name="oldSize">The earlier size; 0 to <paramref name="newSize"/>.</param>
    /// <param name="newSize">The later size.</param>
    /// <param name="oldRoot">Root of the earlier tree, 32 bytes.</param>
    /// <param name="newRoot">Root of the later tree, 32 bytes.</param>
    /// <param name="proof">The consistency proof; must be empty when the sizes are equal or the old tree is empty.</param>
    public static VerificationResult VerifyConsistency(long oldSize, long newSize, ReadOnlySpan<byte> oldRoot, ReadOnlySpan<byte> newRoot, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (oldSize < 0 || newSize < 0)
        {
            return VerificationResult.Fail("sizes must not be negative");
        }
        if (oldSize > newSize)
        {
            return VerificationResult.Fail($"old size {oldSize} is greater than new size {newSize}");
        }
        if (WrongLength(oldRoot, newRoot, proof) is { } lengthFailure)
        {
            return lengthFailure;
        }
        if (oldSize == newSize)
        {
            return proof.Count != 0 ? VerificationResult.Fail("proof must be empty for equal sizes")
                : oldRoot.SequenceEqual(newRoot) ? VerificationResult.Valid
                : VerificationResult.Fail("roots of equal sizes differ");
        }
        if (oldSize == 0)
        {
            return proof.Count != 0 ? VerificationResult.Fail("proof must be empty for an empty old tree")
                : oldRoot.SequenceEqual(MerkleHash.EmptyRoot()) ? VerificationResult.Valid
                : VerificationResult.Fail("old root is not the empty-tree root");
        }
        if (proof.Count == 0)
        {
            return VerificationResult.Fail("proof is empty");
        }

        // Step 2: when the old tree is complete, its root is the first element of the path.
        var path = (oldSize & (oldSize - 1)) == 0 ? [oldRoot.ToArray(), .. proof] : proof;
        var fn = oldSize - 1;
        var sn = newSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        var fr = (byte[])path[0].Clone();
        var sr = (byte[])path[0].Clone();
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return VerificationResult.Fail("proof is too long for these sizes");
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.Node(c, fr, fr);
                MerkleHash.Node(c, sr, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                MerkleHash.Node(sr, c, sr);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0)
        {
            return VerificationResult.Fail("proof is too short for these sizes");
        }
        if (!fr.AsSpan().SequenceEqual(oldRoot))
        {
            return VerificationResult.Fail("calculated old root differs from the given old root");
        }
        return sr.AsSpan().SequenceEqual(newRoot)
            ? VerificationResult.Valid
            : VerificationResult.Fail("calculated new root differs from the given new root");
    }

    private static VerificationResult? WrongLength(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, IReadOnlyList<byte[]> proof) =>
        first.Length != MerkleHash.Size || second.Length != MerkleHash.Size
            ? VerificationResult.Fail($"hashes must be {MerkleHash.Size} bytes")
            : proof.Any(p => p is null || p.Length != MerkleHash.Size)
                ? VerificationResult.Fail($"every proof hash must be {MerkleHash.Size} bytes")
                : null;
}
