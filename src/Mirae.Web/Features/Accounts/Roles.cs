using Microsoft.AspNetCore.Identity;

namespace Mirae.Web.Features.Accounts;

/// <summary>The roles of DESIGN.md; "Public" is simply not signed in.</summary>
public static class Roles
{
    public const string Citizen = "Citizen";
    public const string CompanyMember = "CompanyMember";
    public const string Evaluator = "Evaluator";
    public const string ProgramManager = "ProgramManager";
    public const string Administrator = "Administrator";
    /// <summary>Hides posts in the SOS Lab and decides appeals.</summary>
    public const string Moderator = "Moderator";
    /// <summary>Acts for one of the SOS Lab's agencies (given with the link to the agency, by staff).</summary>
    public const string Agency = "Agency";

    public static readonly IReadOnlyList<string> All = [Citizen, CompanyMember, Evaluator, ProgramManager, Administrator, Moderator, Agency];
}

public static class RoleSeed
{
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var name in Roles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(name) { Id = Guid.CreateVersion7() });
            }
        }
    }
}
