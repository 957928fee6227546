using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mirae.Ledger;

namespace Mirae.Web.Features.Ledger;

/// <summary>
/// One decision in the verifiable log (원장 항목): its canonical JSON (<see cref="Body"/>, ADR 018) and the RFC 9162 leaf
/// hash of it. It is written in the same transaction as the record it attests; the sequencer gives it its
/// <see cref="Index"/> in the log shortly after, in arrival order.
/// </summary>
public sealed class LedgerEntry
{
    public long Id { get; private set; }
    /// <summary>The entry's position in the log; null until the sequencer has appended it.</summary>
    public long? Index { get; private set; }
    public string Kind { get; private set; } = "";
    /// <summary>What the entry is about, as an address of the record ("call:12", "notice:7").</summary>
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public byte[] LeafHash { get; private set; } = [];
    public DateTimeOffset RecordedAt { get; private set; }

    private LedgerEntry()
    {
    }

    public static LedgerEntry Create(string kind, string subject, string canonicalBody, DateTimeOffset now) => new()
    {
        Kind = kind, Subject = subject, Body = canonicalBody, LeafHash = MerkleHash.Leaf(Encoding.UTF8.GetBytes(canonicalBody)), RecordedAt = now,
    };
}

/// <summary>A complete subtree's hash (level, index), stored once and never changed; <see cref="Id"/> packs both.</summary>
public sealed class LedgerNode
{
    public long Id { get; private set; }
    public byte[] Hash { get; private set; } = [];

    private LedgerNode()
    {
    }

    public LedgerNode(NodeId node, byte[] hash)
    {
        Id = KeyOf(node);
        Hash = hash;
    }

    public static LedgerNode FromKey(long key, byte[] hash) => new() { Id = key, Hash = hash };

    /// <summary>Level in the top 8 bits of 56, index below (2^48 leaves).</summary>
    public static long KeyOf(NodeId node) => ((long)node.Level << 48) | node.Index;
}

/// <summary>A signed checkpoint (C2SP signed note) of the log at <see cref="Size"/> entries.</summary>
public sealed class LedgerCheckpoint
{
    public long Size { get; private set; }
    public byte[] RootHash { get; private set; } = [];
    public string Note { get; private set; } = "";
    public DateTimeOffset SignedAt { get; private set; }

    private LedgerCheckpoint()
    {
    }

    public LedgerCheckpoint(long size, byte[] rootHash, string note, DateTimeOffset signedAt)
    {
        Size = size;
        RootHash = rootHash;
        Note = note;
        SignedAt = signedAt;
    }
}

/// <summary>Something the log refused to sign over: the first entry that no longer matches what was recorded.</summary>
public sealed class LedgerAlert
{
    public int Id { get; private set; }
    public DateTimeOffset DetectedAt { get; private set; }
    public long? FirstBadIndex { get; private set; }
    public string Reason { get; private set; } = "";

    private LedgerAlert()
    {
    }

    public LedgerAlert(long? firstBadIndex, string reason, DateTimeOffset now)
    {
        FirstBadIndex = firstBadIndex;
        Reason = reason;
        DetectedAt = now;
    }
}

public sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.Property(e => e.Kind).HasMaxLength(50);
        builder.Property(e => e.Subject).HasMaxLength(200);
        builder.Property(e => e.LeafHash).HasMaxLength(32);
        builder.HasIndex(e => e.Index).IsUnique();
        builder.HasIndex(e => e.Subject);
    }
}

public sealed class LedgerNodeConfiguration : IEntityTypeConfiguration<LedgerNode>
{
    public void Configure(EntityTypeBuilder<LedgerNode> builder)
    {
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Hash).HasMaxLength(32);
    }
}

public sealed class LedgerCheckpointConfiguration : IEntityTypeConfiguration<LedgerCheckpoint>
{
    public void Configure(EntityTypeBuilder<LedgerCheckpoint> builder)
    {
        builder.HasKey(c => c.Size);
        builder.Property(c => c.Size).ValueGeneratedNever();
        builder.Property(c => c.RootHash).HasMaxLength(32);
        builder.Property(c => c.Note).HasMaxLength(4000);
    }
}

public sealed class LedgerAlertConfiguration : IEntityTypeConfiguration<LedgerAlert>
{
    public void Configure(EntityTypeBuilder<LedgerAlert> builder) => builder.Property(a => a.Reason).HasMaxLength(500);
}
