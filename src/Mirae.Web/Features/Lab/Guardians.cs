using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>
/// Children under 14 in the lab (PIPA art. 22-2): the child signs up with a nickname (no real name is asked), a birth
/// date and the guardian's e-mail; the guardian gets a link, signs in with that address, confirms the relation and
/// consents (who, when, which version of the text); until then the child's account posts nothing. The guardian sees the
/// child's posts, removes any, and withdraws consent, which hides them all.
/// </summary>
public sealed class Guardians(AppDbContext db, RegisterMember register, UserManager<AppUser> users, AuditLog audit, Notify notify, TimeProvider clock,
    IDataProtectionProvider protection, IStringLocalizer<SharedResource> text)
{
    public sealed record ChildSignUp(string Email, string Password, string Nickname, DateOnly? BirthDate, string GuardianEmail, District? District,
        IReadOnlySet<string> GrantedConsents);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Mirae.Lab.GuardianConsent").ToTimeLimitedDataProtector();

    /// <summary>The child's account and lab membership, all or nothing; field errors as <see cref="RegisterMember"/> gives them.</summary>
    public async Task<RegisterMember.Result> RegisterChildAsync(ChildSignUp input, CancellationToken cancellationToken)
    {
        var errors = new List<KeyValuePair<string, string>>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToKst().DateTime);
        if (input.BirthDate is not { } birthDate || birthDate > today || birthDate < today.AddYears(-LabMember.ChildAge - 1))
        {
            errors.Add(new(nameof(ChildSignUp.BirthDate), text["Lab.BirthDateInvalid"]));
        }
        else if (!LabMember.IsUnder14(birthDate, today))
        {
            errors.Add(new(nameof(ChildSignUp.BirthDate), text["Lab.NotAChild"]));
        }
        var guardianEmail = (input.GuardianEmail ?? "").Trim();
        if (!System.Net.Mail.MailAddress.TryCreate(guardianEmail, out _) || guardianEmail.Length > 256)
        {
            errors.Add(new(nameof(ChildSignUp.GuardianEmail), text["Lab.GuardianEmailInvalid"]));
        }
        else if (string.Equals(guardianEmail, input.Email?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new(nameof(ChildSignUp.GuardianEmail), text["Lab.GuardianEmailSame"]));
        }
        var nickname = Names.Clean(input.Nickname ?? "");
        if (nickname.Length is < 2 or > LabMember.MaxNickname)
        {
            errors.Add(new(nameof(ChildSignUp.Nickname), text["Lab.NicknameLength", 2, LabMember.MaxNickname]));
        }
        else if (PersonalDataCheck.Find(nickname).Count > 0)
        {
            errors.Add(new(nameof(ChildSignUp.Nickname), text["Lab.NicknamePersonal"]));
        }
        else if (await db.LabMembers.AnyAsync(m => m.Nickname == nickname, cancellationToken))
        {
            errors.Add(new(nameof(ChildSignUp.Nickname), text["Lab.NicknameTaken", nickname]));
        }
        var command = new RegisterMember.Command(MemberKind.Citizen, input.Email ?? "", input.Password ?? "", nickname, null, null, input.GrantedConsents,
            UnderFourteen: true);
        if (errors.Count > 0)
        {
            return new RegisterMember.Result(null, [.. errors, .. await register.CheckAsync(command)]);
        }
        var now = clock.GetUtcNow();
        return await register.HandleAsync(command, user =>
        {
            db.LabMembers.Add(LabMember.Child(user.Id, nickname, input.District, input.BirthDate!.Value, guardianEmail, now));
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>The link the guardian follows, valid for <see cref="LabMember.ConsentLinkLifetime"/> and bound to this request.</summary>
    public string ConsentLink(LabMember child) =>
        $"/lab/guardian/consent?child={child.UserId}&code={Uri.EscapeDataString(Protector.Protect(Payload(child), LabMember.ConsentLinkLifetime))}";

    /// <summary>The child a link is for, when the link is genuine, current and not yet used; null otherwise.</summary>
    public async Task<LabMember?> ChildForLinkAsync(Guid childId, string? code, CancellationToken cancellationToken)
    {
        var child = await db.LabMembers.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == childId && m.IsChild, cancellationToken);
        return child is not null && child.ConsentedAt is null && Valid(child, code) ? child : null;
    }

    public async Task ConsentAsync(Guid childId, string? code, Guid guardianId, string guardianName, GuardianRelation relation, bool agreed,
        CancellationToken cancellationToken)
    {
        var child = await db.LabMembers.SingleOrDefaultAsync(m => m.UserId == childId && m.IsChild, cancellationToken);
        if (child is null || child.ConsentedAt is not null || !Valid(child, code))
        {
            throw new DomainException("lab.consent-link", "Lab.ConsentLinkInvalid", ProblemKind.Conflict);
        }
        var guardian = await users.FindByIdAsync(guardianId.ToString()) ?? throw new NotFoundException("user");
        if (!string.Equals(guardian.Email, child.GuardianEmail, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException("lab.guardian-address", "Lab.GuardianAddressMismatch", ProblemKind.Forbidden, arguments: [MaskEmail(child.GuardianEmail!)]);
        }
        if (guardianId == childId || await db.LabMembers.AnyAsync(m => m.UserId == guardianId && m.IsChild, cancellationToken))
        {
            throw new DomainException("lab.guardian-adult", "Lab.GuardianMustBeAdult", ProblemKind.Forbidden);
        }
        if (!agreed)
        {
            throw new DomainException("lab.consent-required", "Lab.ConsentRequired", ProblemKind.Invalid, "Consent.Agreed");
        }
        var now = clock.GetUtcNow();
        child.Consent(guardianId, guardianName, relation, now);
        audit.Add(AuditActions.LabConsentGiven, $"user:{childId}", $"guardian {guardianId}, {relation}, version {LabMember.ConsentVersion}");
        await notify.AddAsync([childId], $"lab.consent:{childId}", "Notification.LabConsentGiven", "/lab", [], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The guardian withdraws consent: the child acts no more, and every post of the child is hidden.</summary>
    public async Task WithdrawAsync(Guid childId, Guid guardianId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken); // the posts are hidden with the withdrawal, or neither
        var child = await OwnChildAsync(childId, guardianId, cancellationToken);
        var now = clock.GetUtcNow();
        child.Withdraw(now);
        await db.LabProblems.Where(p => p.AuthorId == childId && p.RemovedAt == null).ExecuteUpdateAsync(s => s.SetProperty(p => p.RemovedAt, now), cancellationToken);
        await db.Ideas.Where(i => i.AuthorId == childId && i.RemovedAt == null).ExecuteUpdateAsync(s => s.SetProperty(i => i.RemovedAt, now), cancellationToken);
        audit.Add(AuditActions.LabConsentWithdrawn, $"user:{childId}", $"guardian {guardianId}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The child asks again (a new link; the old one stops working).</summary>
    public async Task RequestAgainAsync(Guid childId, CancellationToken cancellationToken)
    {
        var child = await db.LabMembers.SingleOrDefaultAsync(m => m.UserId == childId && m.IsChild, cancellationToken) ?? throw new NotFoundException("child");
        child.RequestConsentAgain(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<LabMember> OwnChildAsync(Guid childId, Guid guardianId, CancellationToken cancellationToken) =>
        await db.LabMembers.SingleOrDefaultAsync(m => m.UserId == childId && m.IsChild && m.GuardianId == guardianId, cancellationToken)
        ?? throw new DomainException("lab.not-your-child", "Lab.NotYourChild", ProblemKind.Forbidden);

    public static string MaskEmail(string email) => email.IndexOf('@') is var at and > 1 ? email[..2] + new string('*', Math.Max(1, at - 2)) + email[at..] : "***";

    private static string Payload(LabMember child) =>
        $"{child.UserId:N}|{child.ConsentRequestedAt?.UtcTicks.ToString(CultureInfo.InvariantCulture)}";

    private bool Valid(LabMember child, string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 2000)
        {
            return false;
        }
        try
        {
            return Protector.Unprotect(code) == Payload(child);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false; // forged, expired or from another key ring
        }
    }
}

/// <summary>
/// Sends each child's consent request to the guardian's address (the membership row is the outbox, ADR 009): the link,
/// who asks (the nickname) and what the consent covers; retried up to five times, and not sent once older than the link.
/// </summary>
public sealed partial class SendConsentRequests(AppDbContext db, Guardians guardians, IOptions<SmtpOptions> options, PublicSite site,
    IStringLocalizer<SharedResource> text, TimeProvider clock, ILogger<SendConsentRequests> logger) : IScheduledJob
{
    public const string JobName = "lab.send-consent-requests";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var since = clock.GetUtcNow() - LabMember.ConsentLinkLifetime;
        var due = await db.LabMembers
            .Where(m => m.IsChild && m.ConsentedAt == null && m.ConsentRequestEmailedAt == null && m.ConsentRequestAttempts < SendNotificationEmails.MaxAttempts
                && m.ConsentRequestedAt >= since)
            .OrderBy(m => m.ConsentRequestedAt).Take(SendNotificationEmails.BatchSize).ToListAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            foreach (var child in due)
            {
                // Development without a mail server: the log is where the link goes, once.
                var link = site.Link(guardians.ConsentLink(child));
                LogConsentLink(logger, link);
                child.ConsentRequestMailed(clock.GetUtcNow());
            }
            await db.SaveChangesAsync(cancellationToken);
            return $"e-mail is off (Smtp:Host is empty); {due.Count} consent links logged";
        }
        using var client = Mail.Client(smtp);
        var (sent, failed) = (0, 0);
        foreach (var child in due)
        {
            try
            {
                using var message = Compose(smtp, child);
                await client.SendMailAsync(message, cancellationToken);
                child.ConsentRequestMailed(clock.GetUtcNow());
                sent++;
            }
            catch (Exception exception) when (Mail.IsSendFailure(exception))
            {
                child.ConsentRequestFailed();
                failed++;
                LogSendFailed(logger, child.UserId, exception);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return $"{sent} consent requests sent, {failed} failed";
    }

    private System.Net.Mail.MailMessage Compose(SmtpOptions smtp, LabMember child)
    {
        var culture = CultureInfo.GetCultureInfo("ko");
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var body = new StringBuilder()
                .AppendLine(text["Lab.ConsentMail.Body", child.Nickname, Kst.Date(child.ConsentRequestedAt!.Value.Add(LabMember.ConsentLinkLifetime))].Value)
                .AppendLine()
                .AppendLine(site.Link(guardians.ConsentLink(child)))
                .AppendLine()
                .AppendLine(text["Lab.ConsentMail.Ignore"].Value);
            return Mail.Message(smtp, child.GuardianEmail!, text["Lab.ConsentMail.Subject", child.Nickname].Value, body.ToString(), culture);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail is off (Smtp:Host is empty); the guardian consents at {Link}")]
    private static partial void LogConsentLink(ILogger logger, string link);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consent request for child {ChildId} failed")]
    private static partial void LogSendFailed(ILogger logger, Guid childId, Exception exception);
}
