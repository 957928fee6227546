using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>How a guardian is related to the child they consent for.</summary>
public enum GuardianRelation
{
    Parent,
    LegalGuardian,
}

/// <summary>
/// A member's part in the SOS Lab: the nickname every lab page shows (never the account's name), where they live, and
/// for a child under 14 the guardian's consent (PIPA art. 22-2) without which the child posts nothing.
/// </summary>
public sealed class LabMember
{
    public const int MaxNickname = 20;
    public const int ChildAge = 14;
    /// <summary>The version of the guardian consent text (LabTexts "Lab.Consent.Text"); a new text needs a new version.</summary>
    public const string ConsentVersion = "2026-12-01";
    public static readonly TimeSpan ConsentLinkLifetime = TimeSpan.FromDays(7);

    public Guid UserId { get; private set; }
    public string Nickname { get; private set; } = "";
    public District? District { get; private set; }
    public bool IsChild { get; private set; }
    public DateOnly? BirthDate { get; private set; }
    public string? GuardianEmail { get; private set; }
    public DateTimeOffset? ConsentRequestedAt { get; private set; }
    /// <summary>The consent request is its own outbox row (ADR 009): when it was mailed, and failed attempts.</summary>
    public DateTimeOffset? ConsentRequestEmailedAt { get; private set; }
    public int ConsentRequestAttempts { get; private set; }
    public Guid? GuardianId { get; private set; }
    public string? GuardianName { get; private set; }
    public GuardianRelation? Relation { get; private set; }
    public DateTimeOffset? ConsentedAt { get; private set; }
    public string? ConsentedVersion { get; private set; }
    public DateTimeOffset? ConsentWithdrawnAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private LabMember()
    {
    }

    public static LabMember Adult(Guid userId, string nickname, District? district, DateTimeOffset now) =>
        new() { UserId = userId, Nickname = CleanNickname(nickname), District = district, CreatedAt = now };

    /// <summary>A child's membership, waiting for the guardian, whom the consent request (an outbox row) goes to by e-mail.</summary>
    public static LabMember Child(Guid userId, string nickname, District? district, DateOnly birthDate, string guardianEmail, DateTimeOffset now) => new()
    {
        UserId = userId, Nickname = CleanNickname(nickname), District = district, IsChild = true, BirthDate = birthDate,
        GuardianEmail = guardianEmail.Trim(), ConsentRequestedAt = now, CreatedAt = now,
    };

    /// <summary>Under 14 on <paramref name="today"/> (Korean law counts full years, 만 나이).</summary>
    public static bool IsUnder14(DateOnly birthDate, DateOnly today) => birthDate.AddYears(ChildAge) > today;

    /// <summary>A child may act once a guardian consented and has not withdrawn; an adult always.</summary>
    public bool MayAct => !IsChild || (ConsentedAt is not null && ConsentWithdrawnAt is null);

    /// <summary>Asks again (a new link; earlier links stop working, being bound to the request's time).</summary>
    public void RequestConsentAgain(DateTimeOffset now)
    {
        if (ConsentedAt is not null)
        {
            throw new DomainException("lab.consent-given", "Lab.ConsentAlreadyGiven", ProblemKind.Conflict);
        }
        ConsentRequestedAt = now;
        ConsentRequestEmailedAt = null;
        ConsentRequestAttempts = 0;
    }

    public void Consent(Guid guardianId, string guardianName, GuardianRelation relation, DateTimeOffset now)
    {
        if (ConsentedAt is not null)
        {
            throw new DomainException("lab.consent-given", "Lab.ConsentAlreadyGiven", ProblemKind.Conflict);
        }
        if (string.IsNullOrWhiteSpace(guardianName) || guardianName.Trim().Length > 50)
        {
            throw new DomainException("lab.guardian-name", "Lab.GuardianNameRequired", ProblemKind.Invalid, "Consent.GuardianName");
        }
        GuardianId = guardianId;
        GuardianName = Names.Clean(guardianName);
        Relation = relation;
        ConsentedAt = now;
        ConsentedVersion = ConsentVersion;
    }

    public void Withdraw(DateTimeOffset now) => ConsentWithdrawnAt ??= now;

    public void ConsentRequestMailed(DateTimeOffset now) => ConsentRequestEmailedAt = now;

    public void ConsentRequestFailed() => ConsentRequestAttempts++;

    public void Change(string nickname, District? district)
    {
        Nickname = CleanNickname(nickname);
        District = district;
    }

    private static string CleanNickname(string nickname)
    {
        var cleaned = Names.Clean(nickname ?? "");
        return cleaned.Length is < 2 or > MaxNickname
            ? throw new DomainException("lab.nickname", "Lab.NicknameLength", ProblemKind.Invalid, "Join.Nickname", [2, MaxNickname])
            : cleaned;
    }
}

public sealed class LabMemberConfiguration : IEntityTypeConfiguration<LabMember>
{
    public void Configure(EntityTypeBuilder<LabMember> builder)
    {
        builder.ToTable("LabMembers");
        builder.HasKey(m => m.UserId);
        builder.Property(m => m.Nickname).HasMaxLength(LabMember.MaxNickname);
        builder.HasIndex(m => m.Nickname).IsUnique();
        builder.Property(m => m.District).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.GuardianEmail).HasMaxLength(256);
        builder.Property(m => m.GuardianName).HasMaxLength(50);
        builder.Property(m => m.Relation).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.ConsentedVersion).HasMaxLength(20);
        builder.HasIndex(m => m.GuardianId);
        builder.HasIndex(m => new { m.ConsentRequestEmailedAt, m.ConsentRequestedAt });
        builder.HasOne<Accounts.AppUser>().WithOne().HasForeignKey<LabMember>(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(m => m.GuardianId).OnDelete(DeleteBehavior.Restrict);
    }
}
