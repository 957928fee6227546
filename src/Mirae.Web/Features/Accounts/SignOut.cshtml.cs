using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mirae.Web.Features.Accounts;

[AllowAnonymous]
public sealed class SignOutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public void OnGet()
    {
    }

    /// <summary>
    /// Signs out here and everywhere: the new security stamp ends the member's other sessions and makes any copy of this
    /// session's cookie worthless (a cookie alone cannot be taken back).
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
