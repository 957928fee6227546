using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Mirae.Ledger;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Ledger;

/// <summary>A witness the log trusts to cosign: its name (the key name in its signature lines) and public key.</summary>
public sealed class WitnessOptions
{
    public string Name { get; set; } = "";
    public string PublicKeyPem { get; set; } = "";
}

/// <summary>A witness's cosignature of one checkpoint: it saw the log grow consistently up to it.</summary>
public sealed class LedgerCosignature
{
    public int Id { get; private set; }
    public long Size { get; private set; }
    public string Witness { get; private set; } = "";
    public string Line { get; private set; } = "";
    public DateTimeOffset CosignedAt { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }

    private LedgerCosignature()
    {
    }

    public LedgerCosignature(long size, string witness, string line, DateTimeOffset cosignedAt, DateTimeOffset receivedAt)
    {
        Size = size;
        Witness = witness;
        Line = line;
        CosignedAt = cosignedAt;
        ReceivedAt = receivedAt;
    }
}

public sealed class LedgerCosignatureConfiguration : IEntityTypeConfiguration<LedgerCosignature>
{
    public void Configure(EntityTypeBuilder<LedgerCosignature> builder)
    {
        builder.Property(c => c.Witness).HasMaxLength(100);
        builder.Property(c => c.Line).HasMaxLength(400);
        builder.HasIndex(c => new { c.Size, c.Witness }).IsUnique();
    }
}

/// <summary>
/// Takes a witness's cosignature of a stored checkpoint (C2SP tlog-witness's role, with the log as the hub: the witness
/// fetches the checkpoint and a consistency proof from its last one, checks them, and posts its signature line here).
/// Only configured witnesses are accepted, and only a signature that verifies over a checkpoint the log signed.
/// </summary>
public sealed class CollectCosignature(AppDbContext db, IOptions<LedgerOptions> options, TimeProvider clock)
{
    public async Task<bool> AddAsync(long size, string line, CancellationToken cancellationToken)
    {
        var stored = await db.LedgerCheckpoints.AsNoTracking().SingleOrDefaultAsync(c => c.Size == size, cancellationToken)
            ?? throw new DomainException("ledger.no-such-checkpoint", "Witness.NoSuchCheckpoint", ProblemKind.Invalid, "size");
        var name = line.Split(' ', 3) is [_, var n, _] ? n : "";
        var witness = options.Value.Witnesses.FirstOrDefault(w => w.Name == name)
            ?? throw new DomainException("ledger.unknown-witness", "Witness.Unknown", ProblemKind.Forbidden, "line");
        if (!Checkpoint.TryParse(stored.Note[..(stored.Note.IndexOf("\n\n", StringComparison.Ordinal) + 1)], out var checkpoint, out var error))
        {
            throw new InvalidOperationException("a stored checkpoint does not parse: " + error);
        }
        using var verifier = CheckpointVerifier.FromPublicKeyPem(witness.PublicKeyPem);
        if (!verifier.VerifyCosignature(checkpoint!, line.Trim(), witness.Name, out var time).IsValid)
        {
            throw new DomainException("ledger.bad-cosignature", "Witness.BadSignature", ProblemKind.Invalid, "line");
        }
        if (await db.LedgerCosignatures.AnyAsync(c => c.Size == size && c.Witness == witness.Name, cancellationToken))
        {
            return false;
        }
        db.LedgerCosignatures.Add(new LedgerCosignature(size, witness.Name, line.Trim(), time, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
