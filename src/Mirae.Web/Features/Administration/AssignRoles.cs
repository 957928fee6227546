using Microsoft.AspNetCore.Identity;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Administration;

/// <summary>Sets a member's roles to exactly the given set, logged with the reason (a permission change).</summary>
public sealed class AssignRoles(AppDbContext db, UserManager<AppUser> users, AuditLog audit)
{
    public sealed record Command(Guid UserId, IReadOnlySet<string> Roles, string Reason);

    public async Task HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        if (command.Roles.FirstOrDefault(r => !Accounts.Roles.All.Contains(r)) is { } unknown)
        {
            throw new DomainException("unknown_role", "Admin.UnknownRole", ProblemKind.Invalid);
        }
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            throw new DomainException("reason_required", "Admin.ReasonRequired", ProblemKind.Invalid);
        }
        var user = await users.FindByIdAsync(command.UserId.ToString()) ?? throw new NotFoundException("user");
        var before = (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal);
        var removed = before.Except(command.Roles).ToList();
        var added = command.Roles.Except(before).ToList();
        if (removed.Count == 0 && added.Count == 0)
        {
            return;
        }
        if (removed.Contains(Accounts.Roles.Administrator) && (await users.GetUsersInRoleAsync(Accounts.Roles.Administrator)).Count <= 1)
        {
            throw new DomainException("last_administrator", "Admin.LastAdministrator");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        (await users.RemoveFromRolesAsync(user, removed)).EnsureSucceeded();
        (await users.AddToRolesAsync(user, added)).EnsureSucceeded();
        // A new security stamp signs the member's other sessions out of the old roles.
        (await users.UpdateSecurityStampAsync(user)).EnsureSucceeded();
        audit.Add(AuditActions.RolesChanged, $"user:{user.Id} {user.Email}",
            $"before=[{string.Join(',', before.Order(StringComparer.Ordinal))}] after=[{string.Join(',', command.Roles.Order(StringComparer.Ordinal))}] reason={command.Reason.Trim()}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

}
