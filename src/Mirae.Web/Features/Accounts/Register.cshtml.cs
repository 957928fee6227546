using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mirae.Web.Features.Accounts;

[AllowAnonymous]
public sealed class RegisterModel(RegisterMember register) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Register.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Register.DisplayName")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(128, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Register.Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
        [Display(Name = "Register.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";

        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Register.CompanyName")]
        public string? CompanyName { get; set; }

        [StringLength(12, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Register.BusinessNumber")]
        public string? BusinessNumber { get; set; }
    }

    /// <summary>"citizen" or "company"; null shows the choice.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public List<string> Consents { get; set; } = [];

    public void OnGet() => Kind = NormalizeKind(Kind);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Kind = NormalizeKind(Kind);
        if (Kind is null)
        {
            return RedirectToPage();
        }
        var command = new RegisterMember.Command(Kind == "company" ? MemberKind.CompanyMember : MemberKind.Citizen, Input.Email, Input.Password,
            Input.DisplayName, Input.BusinessNumber, Input.CompanyName,
            Consents.Contains("all") ? ConsentItems.All.Select(c => c.Kind).ToHashSet(StringComparer.Ordinal) : Consents.ToHashSet(StringComparer.Ordinal));
        // All rule errors at once, together with the form's own, so nobody fixes the form in rounds.
        AddErrors(await register.CheckAsync(command));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await register.HandleAsync(command, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Page();
        }
        TempData["Flash"] = "Register.CheckEmail"; // the same for an address that has an account
        return RedirectToPage("/Accounts/SignIn"); // no address in the URL, where logs and referrers would keep it
    }

    private void AddErrors(IEnumerable<KeyValuePair<string, string>> errors)
    {
        foreach (var (field, message) in errors)
        {
            var key = field.StartsWith("Consent.", StringComparison.Ordinal) ? field : "Input." + field;
            if (ModelState[key]?.Errors.Any(e => e.ErrorMessage == message) != true)
            {
                ModelState.AddModelError(key, message);
            }
        }
    }

    private static string? NormalizeKind(string? kind) => kind is "citizen" or "company" ? kind : null;
}
