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
public sealed class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInGuard guard, IStringLocalizer<SharedResource> text) : PageModel
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

    /// <summary>
    /// Answers alike whether or not the address has an account: the same message, the same password-hashing time, the
    /// same waits after wrong passwords (<see cref="SignInGuard"/>). Only the right password learns more (unconfirmed).
    /// </summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email.Trim();
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (await guard.WaitAsync(email, address, cancellationToken) is { } wait)
        {
            ModelState.AddModelError("", text["SignIn.Wait", (int)Math.Ceiling(wait.TotalSeconds)]);
            return Page();
        }
        var user = await users.FindByEmailAsync(email);
        if (!await guard.CheckPasswordAsync(user, Input.Password))
        {
            await guard.FailedAsync(email, address, cancellationToken);
            ModelState.AddModelError("", text["SignIn.Failed"]);
            return Page();
        }
        await guard.SucceededAsync(email, address, cancellationToken);
        if (!user!.EmailConfirmed)
        {
            ModelState.AddModelError("", text["SignIn.NotConfirmed"]);
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);

        if (user.PreferredCulture is { } culture)
        {
            SetCultureModel.AppendCultureCookie(Response, culture);
        }
        if (user.MustChangePassword)
        {
            return RedirectToPage("/Accounts/ChangePassword", new { returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
