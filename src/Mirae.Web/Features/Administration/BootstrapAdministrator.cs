using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;

namespace Mirae.Web.Features.Administration;

/// <summary>
/// Creates the first administrator when none exists: with <c>Admin:Password</c> if configured, otherwise
/// with a one-time password printed to the console that must be changed at the first sign-in.
/// There is never a default password in the repository.
/// </summary>
public static partial class BootstrapAdministrator
{
    public static async Task EnsureAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            return;
        }
        var options = services.GetRequiredService<IOptions<AdminOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BootstrapAdministrator));
        var db = services.GetRequiredService<AppDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync();
        // An existing account with that e-mail is promoted and keeps its own password.
        var user = await users.FindByEmailAsync(options.Email);
        var oneTime = user is null && string.IsNullOrEmpty(options.Password);
        var password = oneTime ? GeneratePassword() : options.Password;
        if (user is null)
        {
            user = AppUser.Administrator(options.Email, now);
            if (oneTime)
            {
                user.RequirePasswordChange();
            }
            (await users.CreateAsync(user, password!)).EnsureSucceeded();
        }
        (await users.AddToRoleAsync(user, Roles.Administrator)).EnsureSucceeded();
        db.AuditEvents.Add(AuditEvent.Create(now, null, "system", AuditActions.AdministratorCreated, user.Email!, oneTime ? "one-time password" : "", ""));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        if (oneTime)
        {
            LogOneTimePassword(logger, user.Email!, password!);
        }
        else
        {
            LogReady(logger, user.Email!);
        }
    }


    /// <summary>20 characters from a cryptographic generator, always meeting the password rules.</summary>
    private static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16)
        + RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz", 2)
        + RandomNumberGenerator.GetString("23456789", 1)
        + RandomNumberGenerator.GetString("!@#$%^&*", 1);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Administrator {Email} created with the one-time password {Password} (sign in and change it now).")]
    private static partial void LogOneTimePassword(ILogger logger, string email, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {Email} is ready.")]
    private static partial void LogReady(ILogger logger, string email);
}
