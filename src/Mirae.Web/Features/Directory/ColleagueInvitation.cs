using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

/// <summary>
/// An approved member's invitation of a colleague to act for the organization (동료 초대): for one e-mail address, by a
/// link valid 14 days and once. Accepting it signed in with that address as a company member approves the colleague's
/// membership in the inviter's name; program staff see and revoke it like any other at 소속 승인.
/// </summary>
public sealed class ColleagueInvitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public int Id { get; private set; }
    public int OrganizationId { get; private set; }
    public string Email { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public Guid InvitedById { get; private set; }
    public DateTimeOffset InvitedAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public Guid? AcceptedById { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }

    private ColleagueInvitation()
    {
    }

    public static (ColleagueInvitation Invitation, string Token) Create(int organizationId, string email, Guid invitedById, DateTimeOffset now)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        return (new ColleagueInvitation
        {
            OrganizationId = organizationId, Email = Normalize(email), TokenHash = Hash(token), InvitedById = invitedById, InvitedAt = now,
        }, token);
    }

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && CancelledAt is null && now - InvitedAt <= Lifetime;

    public void Accept(Guid userId, DateTimeOffset now)
    {
        if (!IsOpen(now))
        {
            throw new DomainException("invitation.invalid", "Colleague.InvitationInvalid");
        }
        (AcceptedAt, AcceptedById) = (now, userId);
    }

    public void Cancel(DateTimeOffset now) => CancelledAt ??= now;

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

public sealed class ColleagueInvitationConfiguration : IEntityTypeConfiguration<ColleagueInvitation>
{
    public void Configure(EntityTypeBuilder<ColleagueInvitation> builder)
    {
        builder.ToTable("ColleagueInvitations");
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.OrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Inviting, listing, cancelling and accepting colleague invitations; each step is audited.</summary>
public sealed class InviteColleague(AppDbContext db, AuditLog audit, Notify notify, TimeProvider clock)
{
    public const int MaxOpenPerOrganization = 20;

    public sealed record Open(int Id, string Email, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt);

    /// <summary>Invites <paramref name="email"/> for the organization; returns the link's token (the caller checked that the inviter acts for it).</summary>
    public async Task<string> InviteAsync(int organizationId, string? email, Guid inviterId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Trim().Length > 256 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email.Trim()))
        {
            throw new DomainException("invitation.email-invalid", "Colleague.EmailInvalid", ProblemKind.Invalid, "email");
        }
        var now = clock.GetUtcNow();
        // Counted under the organization's lock: twenty parallel invitations cannot pass the limit together (ADR 015).
        await using var transaction = await db.LockAsync($"colleagues:{organizationId}", cancellationToken);
        var open = await db.ColleagueInvitations.Where(i => i.OrganizationId == organizationId && i.AcceptedAt == null && i.CancelledAt == null)
            .Select(i => i.InvitedAt).ToListAsync(cancellationToken);
        if (open.Count(at => now - at <= ColleagueInvitation.Lifetime) >= MaxOpenPerOrganization)
        {
            throw new DomainException("invitation.too-many", "Colleague.TooMany", ProblemKind.Conflict, "email", [MaxOpenPerOrganization]);
        }
        var (invitation, token) = ColleagueInvitation.Create(organizationId, email, inviterId, now);
        db.ColleagueInvitations.Add(invitation);
        var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId, cancellationToken);
        audit.Add(AuditActions.ColleagueInvited, $"organization:{organization.BusinessNumber}", $"invited {invitation.Email}");
        // An existing account of that address also finds the link in its inbox.
        var normalized = invitation.Email.ToUpperInvariant(); // Identity's NormalizedEmail
        var invitee = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        if (invitee is Guid inviteeId)
        {
            await notify.AddAsync([inviteeId], $"colleague:{organizationId}:{invitation.TokenHash[..16]}", "Notification.ColleagueInvited",
                $"/my/organization/invitations/{token}", [Notify.Both(organization.NameKo, organization.NameEn)], cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return token;
    }

    public async Task<IReadOnlyList<Open>> OpenAsync(int organizationId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - ColleagueInvitation.Lifetime;
        var rows = await db.ColleagueInvitations.AsNoTracking()
            .Where(i => i.OrganizationId == organizationId && i.AcceptedAt == null && i.CancelledAt == null && i.InvitedAt >= since)
            .OrderByDescending(i => i.InvitedAt).Select(i => new { i.Id, i.Email, i.InvitedAt }).ToListAsync(cancellationToken);
        return rows.Select(i => new Open(i.Id, i.Email, i.InvitedAt, i.InvitedAt + ColleagueInvitation.Lifetime)).ToList();
    }

    public async Task CancelAsync(int organizationId, int invitationId, CancellationToken cancellationToken)
    {
        var invitation = await db.ColleagueInvitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.OrganizationId == organizationId, cancellationToken)
            ?? throw new NotFoundException("invitation");
        invitation.Cancel(clock.GetUtcNow());
        audit.Add(AuditActions.ColleagueInvited, $"organization-id:{organizationId}", $"cancelled invitation of {invitation.Email}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The organization an open invitation is for, to show before accepting; null when the link is not (or no longer) valid.</summary>
    public async Task<Organization?> PeekAsync(string token, CancellationToken cancellationToken)
    {
        var hash = ColleagueInvitation.Hash(token);
        var invitation = await db.ColleagueInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return invitation is not null && invitation.IsOpen(clock.GetUtcNow())
            ? await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == invitation.OrganizationId, cancellationToken)
            : null;
    }

    /// <summary>
    /// The signed-in member accepts: the address must be the invited one and the account a company member's. The
    /// membership is approved in the inviter's name (a new one, a pending request, or one rejected before); one that
    /// staff revoked stays revoked. Returns the organization's id.
    /// </summary>
    public async Task<int> AcceptAsync(string token, Guid userId, CancellationToken cancellationToken)
    {
        var hash = ColleagueInvitation.Hash(token);
        await using var transaction = await db.LockAsync($"colleague-invitation:{hash}", cancellationToken);
        var invitation = await db.ColleagueInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken)
            ?? throw new DomainException("invitation.invalid", "Colleague.InvitationInvalid");
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        if (!string.Equals(ColleagueInvitation.Normalize(user.Email ?? ""), invitation.Email, StringComparison.Ordinal))
        {
            throw new DomainException("invitation.other-email", "Colleague.OtherEmail", ProblemKind.Forbidden);
        }
        if (user.Kind != MemberKind.CompanyMember)
        {
            throw new DomainException("membership.not-company-member", "Membership.NotCompanyMember", ProblemKind.Forbidden);
        }
        var now = clock.GetUtcNow();
        invitation.Accept(userId, now);
        var organization = await db.Organizations.SingleAsync(o => o.Id == invitation.OrganizationId, cancellationToken);
        var inviter = await db.Users.Where(u => u.Id == invitation.InvitedById).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == userId && m.OrganizationId == organization.Id, cancellationToken);
        if (membership is { Status: MembershipStatus.Revoked })
        {
            throw new DomainException("invitation.revoked", "Colleague.Revoked", ProblemKind.Forbidden);
        }
        if (membership is null)
        {
            membership = OrganizationMembership.Request(organization, userId, now);
            db.Memberships.Add(membership);
        }
        else if (membership.Status == MembershipStatus.Rejected)
        {
            membership.RequestAgain(now);
        }
        if (membership.Status == MembershipStatus.Pending)
        {
            membership.Approve(invitation.InvitedById, $"동료 초대 수락 (초대한 회원: {inviter})", now);
        }
        audit.Add(AuditActions.MembershipDecided, $"organization:{organization.BusinessNumber}", $"user:{userId} Approved: colleague invitation by {inviter}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return organization.Id;
    }
}
