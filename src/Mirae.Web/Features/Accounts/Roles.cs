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

    public static readonly IReadOnlyList<string> All = [Citizen, CompanyMember, Evaluator, ProgramManager, Administrator];
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
