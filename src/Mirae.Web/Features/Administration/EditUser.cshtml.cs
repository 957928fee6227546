using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Administration;

[Authorize(Policy = AdministrationPolicies.Administrator)]
[ShowsPersonalData("user:{id}")]
public sealed class EditUserModel(UserManager<AppUser> users, AssignRoles assign)
    : PageModel, IRedisplayPage
{
    public AppUser Member { get; private set; } = null!;
    public IReadOnlySet<string> Roles { get; private set; } = new HashSet<string>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, List<string> roles, string? reason, CancellationToken cancellationToken)
    {
        await assign.HandleAsync(new AssignRoles.Command(id, roles.ToHashSet(StringComparer.Ordinal), reason ?? ""), cancellationToken);
        TempData["Flash"] = "Admin.EditUser.Saved";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken) =>
        await LoadAsync(Guid.Parse((string)RouteData.Values["id"]!)) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } member)
        {
            return false;
        }
        Member = member;
        Roles = (await users.GetRolesAsync(member)).ToHashSet(StringComparer.Ordinal);
        return true;
    }
}
