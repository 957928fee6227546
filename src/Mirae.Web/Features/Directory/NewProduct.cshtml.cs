using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

/// <summary>A supplier's member (or program staff) adds a product to the organization; certificates and documents follow on the edit page.</summary>
public sealed class NewProductModel(AppDbContext db, IAuthorizationService authorization, SaveProduct save) : PageModel, IRedisplayPage
{
    [BindProperty]
    public ProductInput Input { get; set; } = new();

    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<Material> Materials { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string businessNumber, CancellationToken cancellationToken) =>
        await AuthorizeAsync(businessNumber, cancellationToken) ?? Page();

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
        var id = await save.HandleAsync(Input.ToCommand(Organization.Id, null), cancellationToken);
        TempData["Flash"] = "ProductEdit.Created";
        return RedirectToPage("/Directory/EditProduct", new { id });
    }

    public Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken) => Task.FromResult<IActionResult>(Page());

    public string? FieldFor(DomainException broken) => broken.Code == "product.code-taken" ? "Input.Code" : null;

    private async Task<IActionResult?> AuthorizeAsync(string businessNumber, CancellationToken cancellationToken)
    {
        if (!Accounts.BusinessNumber.TryParse(businessNumber, out var number)
            || await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.BusinessNumber == number.Value.Digits, cancellationToken) is not { } organization)
        {
            return NotFound();
        }
        Organization = organization;
        if (!(await authorization.AuthorizeAsync(User, new OrganizationResource(organization.Id), OrganizationOperations.ManageProducts)).Succeeded)
        {
            return Forbid();
        }
        Materials = await db.Materials.AsNoTracking().OrderBy(m => m.Code).ToListAsync(cancellationToken);
        return null;
    }
}
