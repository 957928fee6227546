using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Notifications;

/// <summary>
/// One message in a member's in-app inbox. The text is a resource key and its arguments, so each reader
/// sees it in their own language; <see cref="Key"/> makes a notice about one fact arrive once per recipient.
/// </summary>
public sealed class Notification
{
    public long Id { get; private set; }
    public Guid RecipientId { get; private set; }
    /// <summary>What the notification is about, e.g. <c>certificate-expiring:42:2026-12-01</c>; unique per recipient.</summary>
    public string Key { get; private set; } = "";
    public string MessageKey { get; private set; } = "";
    public IReadOnlyList<string> Arguments { get; private set; } = [];
    /// <summary>A local path to the thing the notification is about.</summary>
    public string? Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    /// <summary>When the e-mail copy was handed to the SMTP server (<see cref="SendNotificationEmails"/>).</summary>
    public DateTimeOffset? EmailedAt { get; private set; }
    /// <summary>Failed attempts to send the e-mail copy; the job gives up after <see cref="SendNotificationEmails.MaxAttempts"/>.</summary>
    public int EmailAttempts { get; private set; }

    private Notification()
    {
    }

    public static Notification Create(Guid recipientId, string key, string messageKey, IReadOnlyList<string> arguments, string? link, DateTimeOffset now)
    {
        if (link is not null && (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || link.StartsWith("/\\", StringComparison.Ordinal)))
        {
            throw new ArgumentException("A notification links only to a local path.", nameof(link));
        }
        return new() { RecipientId = recipientId, Key = key, MessageKey = messageKey, Arguments = arguments, Link = link, CreatedAt = now };
    }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    public void MarkEmailed(DateTimeOffset now) => EmailedAt = now;

    public void EmailFailed() => EmailAttempts++;
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Key).HasMaxLength(200);
        builder.Property(n => n.MessageKey).HasMaxLength(100);
        builder.Property(n => n.Link).HasMaxLength(1000); // an e-mail confirmation link carries a token
        builder.Property(n => n.Arguments).HasJsonConversion(2000);
        builder.HasIndex(n => new { n.RecipientId, n.Key }).IsUnique();
        builder.HasIndex(n => new { n.RecipientId, n.CreatedAt });
        builder.HasIndex(n => new { n.EmailedAt, n.CreatedAt });
        builder.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}
