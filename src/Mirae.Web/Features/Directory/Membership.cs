using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

public enum MembershipStatus
{
    Pending,
    Approved,
    Rejected,
    Revoked,
}

/// <summary>
/// A member's link to the organization they work for. The business number typed at sign-up is only a
/// claim; program staff approve the link before the member may act for the organization.
/// </summary>
public sealed class OrganizationMembership
{
    public int Id { get; private set; }
    public int OrganizationId { get; private set; }
    public Organization Organization { get; private set; } = null!;
    public Guid UserId { get; private set; }
    public MembershipStatus Status { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedById { get; private set; }
    public string? Reason { get; private set; }

    private OrganizationMembership()
    {
    }

    public static OrganizationMembership Request(Organization organization, Guid userId, DateTimeOffset now) =>
        new() { Organization = organization, UserId = userId, Status = MembershipStatus.Pending, RequestedAt = now };

    /// <summary>Asks again after a rejection or revocation.</summary>
    public void RequestAgain(DateTimeOffset now)
    {
        if (Status is MembershipStatus.Pending or MembershipStatus.Approved)
        {
            throw new DomainException("membership.exists", "Membership.Exists");
        }
        (Status, RequestedAt, DecidedAt, DecidedById, Reason) = (MembershipStatus.Pending, now, null, null, null);
    }

    public void Approve(Guid staffId, string? reason, DateTimeOffset now) => Decide(MembershipStatus.Pending, MembershipStatus.Approved, staffId, reason, now);

    public void Reject(Guid staffId, string reason, DateTimeOffset now) => Decide(MembershipStatus.Pending, MembershipStatus.Rejected, staffId, reason, now);

    public void Revoke(Guid staffId, string reason, DateTimeOffset now) => Decide(MembershipStatus.Approved, MembershipStatus.Revoked, staffId, reason, now);

    private void Decide(MembershipStatus from, MembershipStatus to, Guid staffId, string? reason, DateTimeOffset now)
    {
        if (Status != from)
        {
            throw new DomainException("membership.wrong-status", "Membership.WrongStatus");
        }
        if (to != MembershipStatus.Approved && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("membership.reason-required", "Membership.ReasonRequired", ProblemKind.Invalid);
        }
        if (reason?.Trim().Length > 300)
        {
            throw new DomainException("membership.reason-too-long", "Membership.ReasonTooLong", ProblemKind.Invalid);
        }
        (Status, DecidedAt, DecidedById, Reason) = (to, now, staffId, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
    }
}

/// <summary>The approved memberships: the only ones that let a member act for an organization.</summary>
public static class ApprovedMemberships
{
    public static Task<bool> IsApprovedMemberAsync(this IQueryable<OrganizationMembership> memberships, Guid userId, int organizationId,
        CancellationToken cancellationToken = default) =>
        memberships.AnyAsync(m => m.UserId == userId && m.OrganizationId == organizationId && m.Status == MembershipStatus.Approved, cancellationToken);

    /// <summary>The users who act for each of the organizations, in one query (for jobs and batches that notify many).</summary>
    public static async Task<ILookup<int, Guid>> ApprovedMembersOfAsync(this IQueryable<OrganizationMembership> memberships,
        IReadOnlyCollection<int> organizationIds, CancellationToken cancellationToken = default) =>
        (await memberships.AsNoTracking().Where(m => m.Status == MembershipStatus.Approved && organizationIds.Contains(m.OrganizationId))
            .Select(m => new { m.OrganizationId, m.UserId }).ToListAsync(cancellationToken))
        .ToLookup(m => m.OrganizationId, m => m.UserId);

    /// <summary>The organizations the user acts for (approved memberships), by name.</summary>
    public static async Task<IReadOnlyList<(int Id, string NameKo, OrganizationKind Kind)>> OrganizationsOfAsync(this Data.AppDbContext db, Guid userId,
        CancellationToken cancellationToken = default) =>
        (await db.Memberships.Where(m => m.UserId == userId && m.Status == MembershipStatus.Approved)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { o.Id, o.NameKo, o.Kind })
            .OrderBy(o => o.NameKo).ThenBy(o => o.Id).ToListAsync(cancellationToken))
        .Select(o => (o.Id, o.NameKo, o.Kind)).ToList();

    /// <summary>The organizations of one kind the user acts for, by name.</summary>
    public static async Task<IReadOnlyList<(int Id, string NameKo)>> OrganizationsOfAsync(this Data.AppDbContext db, Guid userId, OrganizationKind kind,
        CancellationToken cancellationToken = default) =>
        (await db.OrganizationsOfAsync(userId, cancellationToken)).Where(o => o.Kind == kind).Select(o => (o.Id, o.NameKo)).ToList();

    /// <summary>The users who act for the organization, e.g. to notify them.</summary>
    public static IQueryable<Guid> ApprovedMemberIds(this IQueryable<OrganizationMembership> memberships, int organizationId) =>
        memberships.Where(m => m.OrganizationId == organizationId && m.Status == MembershipStatus.Approved).Select(m => m.UserId);
}

public sealed class OrganizationMembershipConfiguration : IEntityTypeConfiguration<OrganizationMembership>
{
    public void Configure(EntityTypeBuilder<OrganizationMembership> builder)
    {
        builder.ToTable("OrganizationMemberships");
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Reason).HasMaxLength(300);
        builder.HasOne(m => m.Organization).WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.UserId, m.OrganizationId }).IsUnique();
        builder.HasIndex(m => new { m.Status, m.RequestedAt });
    }
}

/// <summary>The kinds of organization a member acts for, as claims: the navigation shows buyers' and suppliers' pages to them alone.</summary>
public sealed class MembershipClaims(Data.AppDbContext db) : Accounts.IMemberClaimsSource
{
    public async Task AddClaimsAsync(Guid userId, System.Security.Claims.ClaimsIdentity identity)
    {
        foreach (var kind in (await db.OrganizationsOfAsync(userId)).Select(o => o.Kind).Distinct())
        {
            identity.AddClaim(new System.Security.Claims.Claim(Accounts.AppClaims.ActsFor, kind.ToString()));
        }
    }
}
