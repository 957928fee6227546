using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Features.Home;

namespace Mirae.Web.Features.Accounts;

[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimiting.SignIn)]
public sealed class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "Register.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Register.Password")]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet(string? email) => Input.Email = email ?? "";

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", text["SignIn.LockedOut"]);
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", text["SignIn.Failed"]);
            return Page();
        }

        var user = (await users.FindByEmailAsync(Input.Email.Trim()))!;
        if (user.PreferredCulture is { } culture)
        {
            SetCultureModel.AppendCultureCookie(Response, culture);
        }
        if (user.MustChangePassword)
        {
            return RedirectToPage("/Accounts/ChangePassword");
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
