using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Notifications;

/// <summary>The SMTP server the e-mail copies go through (<c>Smtp:*</c>); no <see cref="Host"/> means no e-mail.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary>With <see cref="Password"/>, sent as SMTP AUTH; keep the password in user secrets or the environment.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>STARTTLS before anything else is sent.</summary>
    public bool EnableSsl { get; set; }
    public string From { get; set; } = "Mirae <noreply@mirae.local>";
}

/// <summary>
/// The scheduled job that sends every new notification by e-mail as well, in the recipient's language. A notification
/// is its own outbox row: sent ones are marked, failed ones retried up to <see cref="MaxAttempts"/> times on later runs,
/// and ones older than <see cref="MaxAge"/> are not sent at all (e-mail switched on later does not mail the past).
/// </summary>
public sealed partial class SendNotificationEmails(AppDbContext db, IOptions<SmtpOptions> options, PublicSite site, IStringLocalizer<SharedResource> text,
    TimeProvider clock, ILogger<SendNotificationEmails> logger) : IScheduledJob
{
    public const string JobName = "notifications.send-emails";
    public const int MaxAttempts = 5;
    public const int BatchSize = 100;
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            return "e-mail is off (Smtp:Host is empty)";
        }
        var since = clock.GetUtcNow() - MaxAge;
        var due = await db.Notifications
            .Where(n => n.EmailedAt == null && n.EmailAttempts < MaxAttempts && n.CreatedAt >= since)
            .OrderBy(n => n.Id).Take(BatchSize)
            .Join(db.Users, n => n.RecipientId, u => u.Id, (n, u) => new { Notification = n, u.Email, u.PreferredCulture })
            .ToListAsync(cancellationToken);

        using var client = Mail.Client(smtp);
        var (sent, failed) = (0, 0);
        foreach (var item in due)
        {
            if (string.IsNullOrWhiteSpace(item.Email))
            {
                item.Notification.MarkEmailed(clock.GetUtcNow()); // nobody to write to: nothing left to do
                continue;
            }
            try
            {
                using var message = Compose(smtp, item.Notification, item.Email, item.PreferredCulture);
                await client.SendMailAsync(message, cancellationToken);
                item.Notification.MarkEmailed(clock.GetUtcNow());
                sent++;
            }
            catch (Exception exception) when (Mail.IsSendFailure(exception))
            {
                item.Notification.EmailFailed();
                failed++;
                LogSendFailed(logger, item.Notification.Id, exception);
            }
            // Each outcome is kept at once, so a crash mid-batch never sends the same e-mail twice.
            await db.SaveChangesAsync(cancellationToken);
        }
        return $"{sent} e-mails sent, {failed} failed";
    }

    private MailMessage Compose(SmtpOptions smtp, Notification notification, string to, string? preferredCulture)
    {
        var culture = CultureInfo.GetCultureInfo(preferredCulture is "en" ? "en" : "ko");
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var line = text[notification.MessageKey, Notify.InReaderLanguage(notification.Arguments)].Value;
            var body = new StringBuilder().AppendLine(line).AppendLine();
            if (notification.Link is not null)
            {
                body.AppendLine(site.Link(notification.Link)).AppendLine();
            }
            body.AppendLine(text["Email.Footer", site.Link("/notifications")].Value);
            return Mail.Message(smtp, to, text["Email.Subject", line.Length > 60 ? line[..60] + "…" : line].Value, body.ToString(), culture);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail for notification {NotificationId} failed")]
    private static partial void LogSendFailed(ILogger logger, long notificationId, Exception exception);
}

/// <summary>The SMTP client and the plain-text UTF-8 message every e-mail of Mirae is sent with.</summary>
public static class Mail
{
    public static SmtpClient Client(SmtpOptions smtp)
    {
        var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl, Timeout = 15_000 };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }
        return client;
    }

    public static MailMessage Message(SmtpOptions smtp, string to, string subject, string body, CultureInfo culture)
    {
        var message = new MailMessage(new MailAddress(smtp.From), new MailAddress(to))
        {
            Subject = subject,
            SubjectEncoding = Encoding.UTF8,
            Body = body,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.Base64,
        };
        message.Headers.Add("Content-Language", culture.Name);
        return message;
    }

    /// <summary>The failures of one message that are worth a retry later (the server down, an address it refused).</summary>
    public static bool IsSendFailure(Exception exception) => exception is SmtpException or InvalidOperationException or IOException or FormatException;
}
