using System.Security.Cryptography;

namespace Mirae.Ledger;

/// <summary>
/// RFC 9162 (and RFC 6962) hashing with SHA-256: a leaf is <c>SHA-256(0x00 ‖ data)</c>, an interior node
/// <c>SHA-256(0x01 ‖ left ‖ right)</c>, and the empty tree's root is <c>SHA-256()</c> of nothing.
/// </summary>
public static class MerkleHash
{
    /// <summary>The size of every hash in the log, in bytes (32).</summary>
    public const int Size = 32;

    private const int StackLimit = 512;

    /// <summary>The root of the empty tree: SHA-256 of the empty string.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>The leaf hash of <paramref name="data"/> (any length, including empty).</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> data)
    {
        var hash = new byte[Size];
        Leaf(data, hash);
        return hash;
    }

    /// <summary>The interior-node hash of two child hashes.</summary>
    /// <exception cref="ArgumentException">When either child is not <see cref="Size"/> bytes long.</exception>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != Size || right.Length != Size)
        {
            throw new ArgumentException($"child hashes must be {Size} bytes");
        }
        var hash = new byte[Size];
        Node(left, right, hash);
        return hash;
    }

    internal static void Leaf(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (data.Length < StackLimit)
        {
            Span<byte> input = stackalloc byte[data.Length + 1];
            input[0] = 0x00;
            data.CopyTo(input[1..]);
            SHA256.HashData(input, destination);
            return;
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([0x00]);
        hash.AppendData(data);
        hash.GetHashAndReset(destination);
    }

    internal static void Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> input = stackalloc byte[1 + 2 * Size];
        input[0] = 0x01;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + Size)..]);
        SHA256.HashData(input, destination);
    }
}
