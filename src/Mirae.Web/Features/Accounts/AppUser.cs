using Microsoft.AspNetCore.Identity;

namespace Mirae.Web.Features.Accounts;

public enum MemberKind
{
    Citizen,
    CompanyMember,
}

/// <summary>A person with an account: a citizen or a staff member of a company or institution.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; private set; } = "";
    public MemberKind Kind { get; private set; }
    /// <summary>10 digits, checksum-valid; company members only.</summary>
    public string? BusinessNumber { get; private set; }
    public string? CompanyName { get; private set; }
    public string? PreferredCulture { get; private set; }
    /// <summary>Set for an account created with a one-time password; cleared by changing it.</summary>
    public bool MustChangePassword { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private AppUser()
    {
    }

    public static AppUser Citizen(string email, string displayName, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = displayName, Kind = MemberKind.Citizen, CreatedAt = now };

    public static AppUser CompanyMember(string email, string displayName, BusinessNumber businessNumber, string companyName, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = displayName, Kind = MemberKind.CompanyMember,
            BusinessNumber = businessNumber.Digits, CompanyName = companyName, CreatedAt = now,
        };

    public static AppUser Administrator(string email, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = "Administrator", Kind = MemberKind.Citizen, EmailConfirmed = true, CreatedAt = now };

    public void RequirePasswordChange() => MustChangePassword = true;

    public void PasswordChanged() => MustChangePassword = false;

    public void PreferCulture(string culture) => PreferredCulture = culture;
}

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in member's id; only for endpoints that require an authenticated user.</summary>
    public static Guid UserId(this System.Security.Claims.ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value
            ?? throw new InvalidOperationException("The endpoint requires a signed-in member."));

    /// <summary>The signed-in member's id, or null for a visitor.</summary>
    public static Guid? ViewerId(this System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.UserId() : null;
}

public static class RoleChecks
{
    /// <summary>Program managers and administrators: the operators' staff, who run calls, evaluation, sourcing and the directory.</summary>
    public static bool IsProgramStaff(this System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.ProgramManager) || user.IsInRole(Roles.Administrator);

    /// <summary>The same, read from the database: for use cases, which take the acting member's id rather than their cookie.</summary>
    public static Task<bool> IsProgramStaffAsync(this Data.AppDbContext db, Guid userId, CancellationToken cancellationToken) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.UserRoles,
            ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.ProgramManager || r.Name == Roles.Administrator)),
            cancellationToken);
}
