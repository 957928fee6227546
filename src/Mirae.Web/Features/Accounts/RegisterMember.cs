using Mirae.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Accounts;

/// <summary>Sign-up of a citizen or a company member, with the consents given, all or nothing.</summary>
public sealed class RegisterMember(AppDbContext db, UserManager<AppUser> users, IStringLocalizer<SharedResource> text, TimeProvider clock)
{
    public sealed record Command(
        MemberKind Kind,
        string Email,
        string Password,
        string DisplayName,
        string? BusinessNumber,
        string? CompanyName,
        IReadOnlySet<string> GrantedConsents);

    /// <summary>Field errors use the command's property names ("" for the whole form).</summary>
    public sealed record Result(AppUser? User, IReadOnlyList<KeyValuePair<string, string>> Errors)
    {
        public bool Succeeded => User is not null;
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
        foreach (var item in ConsentItems.All.Where(i => i.Required && !command.GrantedConsents.Contains(i.Kind)))
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

    public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken = default)
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

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, command.Password);
        if (!created.Succeeded)
        {
            return new Result(null, created.Errors
                .Select(e => new KeyValuePair<string, string>(e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Command.Password) : nameof(Command.Email), e.Description))
                .ToList());
        }
        (await users.AddToRoleAsync(user, command.Kind == MemberKind.CompanyMember ? Roles.CompanyMember : Roles.Citizen)).EnsureSucceeded();
        db.Consents.AddRange(ConsentItems.All.Select(item => ConsentRecord.For(user.Id, item, command.GrantedConsents.Contains(item.Kind), now)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Result(user, []);
    }
}
