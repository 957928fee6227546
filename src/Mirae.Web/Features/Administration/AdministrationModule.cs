using Mirae.Web.Data;
using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Accounts;

namespace Mirae.Web.Features.Administration;

public static class AdministrationPolicies
{
    public const string Administrator = "Administrator";
    /// <summary>Program managers and administrators: the operators' staff.</summary>
    public const string ProgramStaff = "ProgramStaff";
}

public sealed class AdminOptions
{
    /// <summary>E-mail of the first administrator, created on first start when there is none.</summary>
    public string Email { get; set; } = "admin@mirae.local";
    /// <summary>Optional; when empty a one-time password is generated and printed to the console.</summary>
    public string? Password { get; set; }
}

/// <summary>Marker of the administration texts (AdministrationTexts.resx, AdministrationTexts.en.resx).</summary>
public sealed class AdministrationTexts;

public static class AdministrationModule
{
    public static IServiceCollection AddAdministration(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AdminOptions>(configuration.GetSection("Admin"));
        services.AddAuthorizationBuilder()
            .AddPolicy(AdministrationPolicies.Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(AdministrationPolicies.ProgramStaff, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsProgramStaff()));
        services.AddScoped<ListUsers>();
        services.AddScoped<AssignRoles>();
        services.AddTexts<AdministrationTexts>();
        services.AddNavigation(
            new NavEntry("Nav.StaffHome", SiteNavigation.StaffHome, 300, NavAudience.ProgramStaff),
            new NavEntry("Nav.AdminUsers", "/admin/users", 500, NavAudience.Administrators, StaffArea.Members));
        services.AddSeed("administration.first-administrator", SeedKind.Reference, 20, c => BootstrapAdministrator.EnsureAsync(c.Services));
        return services;
    }
}
