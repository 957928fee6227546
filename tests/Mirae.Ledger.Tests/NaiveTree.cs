namespace Mirae.Ledger.Tests;

/// <summary>
/// RFC 9162 §2.1 written out literally: MTH, PATH and PROOF/SUBPROOF over a list of leaf data, recursing
/// on sub-lists. The only liberty is a memo of MTH per range, so that checking every pair up to 300 stays quick.
/// </summary>
public sealed class NaiveTree(IReadOnlyList<byte[]> leaves)
{
    private readonly Dictionary<(int, int), byte[]> _memo = [];

    public byte[] Mth(int start, int end)
    {
        if (_memo.TryGetValue((start, end), out var cached))
        {
            return cached;
        }
        var n = end - start;
        byte[] hash;
        if (n == 0)
        {
            hash = System.Security.Cryptography.SHA256.HashData(Array.Empty<byte>());
        }
        else if (n == 1)
        {
            hash = System.Security.Cryptography.SHA256.HashData([0x00, .. leaves[start]]);
        }
        else
        {
            var k = K(n);
            hash = System.Security.Cryptography.SHA256.HashData([0x01, .. Mth(start, start + k), .. Mth(start + k, end)]);
        }
        _memo[(start, end)] = hash;
        return hash;
    }

    /// <summary>PATH(m, D[start:end]).</summary>
    public List<byte[]> Path(int m, int start, int end)
    {
        var n = end - start;
        if (n == 1)
        {
            return [];
        }
        var k = K(n);
        return m < k
            ? [.. Path(m, start, start + k), Mth(start + k, end)]
            : [.. Path(m - k, start + k, end), Mth(start, start + k)];
    }

    /// <summary>PROOF(m, D[0:n]) for 0 &lt; m &lt; n.</summary>
    public List<byte[]> Proof(int m, int n) => SubProof(m, 0, n, true);

    private List<byte[]> SubProof(int m, int start, int end, bool b)
    {
        var n = end - start;
        if (m == n)
        {
            return b ? [] : [Mth(start, end)];
        }
        var k = K(n);
        return m <= k
            ? [.. SubProof(m, start, start + k, b), Mth(start + k, end)]
            : [.. SubProof(m - k, start + k, end, false), Mth(start, start + k)];
    }

    /// <summary>The largest power of two smaller than n (n > 1).</summary>
    private static int K(int n)
    {
        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }
        return k;
    }
}
