using Mirae.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Mirae.Web.Data;
using Mirae.Web.Features.Notifications;

namespace Mirae.Web.Features.Accounts;

/// <summary>
/// Sign-up of a citizen or a company member, with the consents given, all or nothing. The answer is the same whether or
/// not the address already has an account ("we sent you an e-mail"): a new account is confirmed by the link in that
/// e-mail, and the owner of an existing one is told by e-mail that someone tried (issue 16).
/// </summary>
public sealed partial class RegisterMember(AppDbContext db, UserManager<AppUser> users, IStringLocalizer<SharedResource> text, TimeProvider clock,
    Notify notify, IPasswordHasher<AppUser> hasher, IOptions<SmtpOptions> smtp, PublicSite site, ILogger<RegisterMember> logger)
{
    public sealed record Command(
        MemberKind Kind,
        string Email,
        string Password,
        string DisplayName,
        string? BusinessNumber,
        string? CompanyName,
        IReadOnlySet<string> GrantedConsents,
        bool UnderFourteen = false);

    /// <summary>
    /// Field errors use the command's property names ("" for the whole form). <see cref="User"/> is the new, unconfirmed
    /// account; null (without errors) when the address had one already, which the caller must not reveal.
    /// </summary>
    public sealed record Result(AppUser? User, IReadOnlyList<KeyValuePair<string, string>> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    /// <summary>Every rule that can be checked before saving: consents, company details and the password rules.</summary>
    public async Task<List<KeyValuePair<string, string>>> CheckAsync(Command command)
    {
        var errors = new List<KeyValuePair<string, string>>();
        foreach (var validator in string.IsNullOrEmpty(command.Password) ? [] : users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, null!, command.Password);
            errors.AddRange(result.Errors.Select(e => new KeyValuePair<string, string>(nameof(Command.Password), e.Description)));
        }
        // A child under 14 does not confirm being 14 or older: the guardian consents instead (the SOS Lab's child sign-up).
        foreach (var item in ConsentItems.All.Where(i => i.Required && !command.GrantedConsents.Contains(i.Kind)
            && !(command.UnderFourteen && i == ConsentItems.Age14)))
        {
            errors.Add(new("Consent." + item.Kind, text["Register.ConsentRequired", text["Consent." + item.Kind + ".Title"]]));
        }

        if (command.Kind == MemberKind.CompanyMember)
        {
            if (string.IsNullOrWhiteSpace(command.BusinessNumber))
            {
                errors.Add(new(nameof(Command.BusinessNumber), text["Validation.Required", text["Register.BusinessNumber"]]));
            }
            else if (!Accounts.BusinessNumber.TryParse(command.BusinessNumber, out _))
            {
                errors.Add(new(nameof(Command.BusinessNumber), text["Register.BusinessNumberInvalid"]));
            }
            if (string.IsNullOrWhiteSpace(command.CompanyName))
            {
                errors.Add(new(nameof(Command.CompanyName), text["Validation.Required", text["Register.CompanyName"]]));
            }
        }
        return errors;
    }

    public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken = default) => HandleAsync(command, null, cancellationToken);

    /// <param name="alsoAsync">More to write for the new account in the same transaction (a child's lab membership).</param>
    public async Task<Result> HandleAsync(Command command, Func<AppUser, Task>? alsoAsync, CancellationToken cancellationToken)
    {
        var errors = await CheckAsync(command);
        if (errors.Count > 0)
        {
            return new Result(null, errors);
        }

        var now = clock.GetUtcNow();
        var email = command.Email.Trim();
        var user = command.Kind == MemberKind.CompanyMember && Accounts.BusinessNumber.TryParse(command.BusinessNumber, out var businessNumber)
            ? AppUser.CompanyMember(email, Names.Clean(command.DisplayName), businessNumber.Value, Names.Clean(command.CompanyName!), now)
            : AppUser.Citizen(email, Names.Clean(command.DisplayName), now);

        if (await users.FindByEmailAsync(email) is { } existing)
        {
            hasher.HashPassword(user, command.Password); // as long as a new account takes
            await TellExistingAsync(existing, now, cancellationToken);
            return new Result(null, []);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, command.Password);
        if (!created.Succeeded)
        {
            // A parallel sign-up with the same address that won the race reads as an existing account, like above.
            return created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail))
                ? new Result(null, [])
                : new Result(null, created.Errors
                    .Select(e => new KeyValuePair<string, string>(e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Command.Password) : nameof(Command.Email), e.Description))
                    .ToList());
        }
        (await users.AddToRoleAsync(user, command.Kind == MemberKind.CompanyMember ? Roles.CompanyMember : Roles.Citizen)).EnsureSucceeded();
        db.Consents.AddRange(ConsentItems.All.Select(item => ConsentRecord.For(user.Id, item,
            command.GrantedConsents.Contains(item.Kind) && !(command.UnderFourteen && item == ConsentItems.Age14), now)));
        if (alsoAsync is not null)
        {
            await alsoAsync(user);
        }
        await SendConfirmationAsync(user, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Result(user, []);
    }

    /// <summary>
    /// Confirms the address with the code from the e-mail, once; false for an unknown account, a wrong or expired code, or
    /// an address already confirmed (which read alike). The confirmation notifications go: they carry codes, and their work is done.
    /// </summary>
    public async Task<bool> ConfirmAsync(Guid userId, string code, CancellationToken cancellationToken)
    {
        var user = code.Length is > 0 and <= 2000 ? await users.FindByIdAsync(userId.ToString()) : null;
        // A link works once: an address already confirmed is not confirmed (or signed in) again by any code.
        if (user is null || user.EmailConfirmed || !(await users.ConfirmEmailAsync(user, code)).Succeeded)
        {
            return false;
        }
        (await users.UpdateSecurityStampAsync(user)).EnsureSucceeded(); // every other link of this account stops working
        await db.Notifications.Where(n => n.RecipientId == user.Id && n.MessageKey == "Notification.ConfirmEmail").ExecuteDeleteAsync(cancellationToken);
        return true;
    }

    /// <summary>The link that confirms the address: <c>/account/confirm-email?user=…&amp;code=…</c>.</summary>
    public async Task<string> ConfirmationLinkAsync(AppUser user) =>
        $"/account/confirm-email?user={user.Id}&code={Uri.EscapeDataString(await users.GenerateEmailConfirmationTokenAsync(user))}";

    /// <summary>An unconfirmed account gets a fresh link; a confirmed one is told someone tried (at most once an hour each).</summary>
    private async Task TellExistingAsync(AppUser existing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!existing.EmailConfirmed)
        {
            await SendConfirmationAsync(existing, now, cancellationToken);
        }
        else
        {
            await notify.AddAsync([existing.Id], $"account.sign-up-again:{now:yyyyMMddHH}", "Notification.SignUpAgain", "/account/sign-in", [], cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SendConfirmationAsync(AppUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var link = await ConfirmationLinkAsync(user);
        await notify.AddAsync([user.Id], $"account.confirm:{now:yyyyMMddHHmm}", "Notification.ConfirmEmail", link, [], cancellationToken);
        if (string.IsNullOrWhiteSpace(smtp.Value.Host))
        {
            var url = site.Link(link);
            LogConfirmationLink(logger, user.Email!, url);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail is off (Smtp:Host is empty); {Email} confirms the address at {Link}")]
    private static partial void LogConfirmationLink(ILogger logger, string email, string link);
}
