using System.Globalization;
using System.Text;

namespace Mirae.Ledger;

/// <summary>
/// A C2SP <c>tlog-checkpoint</c>: the log's origin line, its size and its root hash, as the text
/// <c>&lt;origin&gt;\n&lt;size&gt;\n&lt;base64 root&gt;\n</c> (extension lines after these are kept but not interpreted).
/// </summary>
public sealed record Checkpoint
{
    /// <summary>Creates a checkpoint.</summary>
    /// <param name="origin">Unique name of the log, non-empty, one line without control characters.</param>
    /// <param name="size">Number of leaves, 0 or more.</param>
    /// <param name="rootHash">The root hash of the tree of that size, 32 bytes.</param>
    /// <exception cref="ArgumentException">When a precondition is broken.</exception>
    public Checkpoint(string origin, long size, byte[] rootHash)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(rootHash);
        if (origin.Length == 0 || origin.Any(char.IsControl))
        {
            throw new ArgumentException("origin must be one non-empty line without control characters", nameof(origin));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (rootHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"root hash must be {MerkleHash.Size} bytes", nameof(rootHash));
        }
        Origin = origin;
        Size = size;
        RootHash = (byte[])rootHash.Clone();
    }

    /// <summary>The log's origin line.</summary>
    public string Origin { get; }

    /// <summary>The tree size.</summary>
    public long Size { get; }

    /// <summary>The root hash (do not modify).</summary>
    public byte[] RootHash { get; }

    /// <summary>The checkpoint body, ending in a newline.</summary>
    public string ToText() =>
        $"{Origin}\n{Size.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(RootHash)}\n";

    /// <summary>Parses a checkpoint body; false with the reason when it is not well-formed.</summary>
    public static bool TryParse(string text, out Checkpoint? checkpoint, out string? error)
    {
        checkpoint = null;
        ArgumentNullException.ThrowIfNull(text);
        if (!text.EndsWith('\n'))
        {
            error = "checkpoint must end with a newline";
            return false;
        }
        var lines = text[..^1].Split('\n');
        if (lines.Length < 3)
        {
            error = "checkpoint needs origin, size and root lines";
            return false;
        }
        if (lines[0].Length == 0 || lines[0].Any(char.IsControl))
        {
            error = "origin line is empty or has control characters";
            return false;
        }
        // Canonical decimal only: no sign, no leading zeros, no spaces.
        if (!long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || lines[1] != size.ToString(CultureInfo.InvariantCulture))
        {
            error = "size line is not a canonical decimal number";
            return false;
        }
        var root = new byte[MerkleHash.Size];
        if (!Convert.TryFromBase64String(lines[2], root, out var written) || written != MerkleHash.Size
            || Convert.ToBase64String(root) != lines[2])
        {
            error = "root line is not the base64 of a 32-byte hash";
            return false;
        }
        checkpoint = new Checkpoint(lines[0], size, root);
        error = null;
        return true;
    }

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
