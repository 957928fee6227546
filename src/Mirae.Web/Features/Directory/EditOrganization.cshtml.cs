using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

/// <summary>The fields of an organization's profile its members edit.</summary>
public sealed class OrganizationInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "OrganizationEdit.NameKo")]
    public string NameKo { get; set; } = "";

    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "OrganizationEdit.NameEn")]
    public string? NameEn { get; set; }

    [StringLength(100, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "OrganizationEdit.RegionKo")]
    public string? RegionKo { get; set; }

    [StringLength(100, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "OrganizationEdit.RegionEn")]
    public string? RegionEn { get; set; }

    [Range(0, 1_000_000, ErrorMessage = "Validation.Number")]
    [Display(Name = "Directory.Employees")]
    public int? Employees { get; set; }

    [Display(Name = "Directory.Founded")]
    public int? FoundedYear { get; set; }

    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Directory.Website")]
    public string? Website { get; set; }

    [Display(Name = "Directory.Kind")]
    public OrganizationKind? Kind { get; set; }
}

/// <summary>An approved member (or program staff) corrects the organization's public profile; every change is audited.</summary>
[Authorize]
public sealed class EditOrganizationModel(AppDbContext db, IAuthorizationService authorization, EditOrganizationProfile edit) : PageModel, IRedisplayPage
{
    [BindProperty]
    public OrganizationInput Input { get; set; } = new();

    public Organization Organization { get; private set; } = null!;
    public bool IsStaff => User.IsProgramStaff();

    public async Task<IActionResult> OnGetAsync(string businessNumber, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(businessNumber, cancellationToken) is { } denied)
        {
            return denied;
        }
        var o = Organization;
        Input = new OrganizationInput
        {
            NameKo = o.NameKo, NameEn = o.NameEn, RegionKo = o.RegionKo, RegionEn = o.RegionEn, Employees = o.Employees, FoundedYear = o.FoundedYear,
            Website = o.Website, Kind = o.Kind,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string businessNumber, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(businessNumber, cancellationToken) is { } denied)
        {
            return denied;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await edit.HandleAsync(Organization.Id, new EditOrganizationProfile.Command(Input.NameKo, Input.NameEn, Input.RegionKo, Input.RegionEn, Input.Employees,
            Input.FoundedYear, Input.Website, Input.Kind), IsStaff, cancellationToken);
        TempData["Flash"] = "OrganizationEdit.Saved";
        return Redirect($"/directory/organizations/{BusinessNumber.Format(Organization.BusinessNumber)}");
    }

    public Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken) => Task.FromResult<IActionResult>(Page());

    private async Task<IActionResult?> AuthorizeAsync(string businessNumber, CancellationToken cancellationToken)
    {
        if (!BusinessNumber.TryParse(businessNumber, out var number)
            || await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.BusinessNumber == number.Value.Digits, cancellationToken) is not { } organization)
        {
            return NotFound();
        }
        Organization = organization;
        return (await authorization.AuthorizeAsync(User, new OrganizationResource(organization.Id), OrganizationOperations.ManageProducts)).Succeeded ? null : Forbid();
    }
}
