using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Administration;

/// <summary>Members matching a search on e-mail, name or company, with their roles; newest first.</summary>
public sealed class ListUsers(AppDbContext db)
{
    public sealed record Row(Guid Id, string Email, string DisplayName, MemberKind Kind, string? CompanyName, DateTimeOffset CreatedAt,
        bool LockedOut, IReadOnlyList<string> Roles);

    public async Task<PagedList<Row>> HandleAsync(string? search, int page, int pageSize, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var users = db.Users.AsNoTracking();
#pragma warning disable CA1304, CA1311, CA1862 // EF translates ToUpper() to SQL UPPER() on both providers
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term)
                || (u.CompanyName != null && u.CompanyName.ToUpper().Contains(term)));
        }
#pragma warning restore CA1304, CA1311, CA1862
        var total = await users.CountAsync(cancellationToken);
        var rows = await users.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Email)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName, u.Kind, u.CompanyName, u.CreatedAt, u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);
        return new PagedList<Row>(
            rows.Select(u => new Row(u.Id, u.Email!, u.DisplayName, u.Kind, u.CompanyName, u.CreatedAt, u.LockoutEnd > now,
                u.Roles.Order(StringComparer.Ordinal).ToList())).ToList(),
            total, page, pageSize);
    }
}
