using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Mirae.Web.Features.Accounts;

/// <summary>The page the sign-up e-mail links to: one button confirms the address and signs the member in (the link proves the address is theirs).</summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(RegisterMember register, UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid? UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (UserId is not { } id || string.IsNullOrEmpty(Code) || !await register.ConfirmAsync(id, Code, cancellationToken))
        {
            ModelState.AddModelError("", text["ConfirmEmail.Invalid"]);
            return Page();
        }
        await signIn.SignInAsync((await users.FindByIdAsync(id.ToString()))!, isPersistent: false);
        return Redirect("/");
    }
}
