using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mirae.Web.Features.Accounts;

namespace Mirae.Web.Features.Lab;

/// <summary>
/// Sign-up of a child under 14: an address and password to sign in with, a nickname (no real name is asked), the birth
/// date and the guardian's e-mail, to whom the consent request goes. Nothing is posted before the guardian consents.
/// </summary>
[AllowAnonymous]
public sealed class ChildJoinModel(Guardians guardians) : PageModel
{
    public sealed class ChildForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Lab.ChildJoin.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(128, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Register.Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
        [Display(Name = "Register.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(LabMember.MaxNickname, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Lab.Nickname")]
        public string Nickname { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Lab.ChildJoin.BirthDate")]
        public DateOnly? BirthDate { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Lab.ChildJoin.GuardianEmail")]
        public string GuardianEmail { get; set; } = "";

        public District? District { get; set; }
    }

    [BindProperty(Name = "Child")]
    public ChildForm Child { get; set; } = new();

    [BindProperty]
    public List<string> Consents { get; set; } = [];

    public static readonly IReadOnlyList<ConsentItem> Items = [ConsentItems.Terms, ConsentItems.PrivacyRequired];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await guardians.RegisterChildAsync(new Guardians.ChildSignUp(Child.Email, Child.Password, Child.Nickname, Child.BirthDate, Child.GuardianEmail,
            Child.District, Consents.ToHashSet(StringComparer.Ordinal)), cancellationToken);
        foreach (var (field, message) in result.Errors)
        {
            var key = field.StartsWith("Consent.", StringComparison.Ordinal) ? field : field.Length == 0 ? "" : "Child." + field;
            if (ModelState[key]?.Errors.Any(e => e.ErrorMessage == message) != true)
            {
                ModelState.AddModelError(key, message);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        TempData["Flash"] = "Lab.ChildJoin.Done";
        return RedirectToPage("/Accounts/SignIn");
    }
}
