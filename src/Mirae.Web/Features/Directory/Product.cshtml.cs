using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

[AllowAnonymous]
public sealed class ProductModel(GetProduct get, SearchProducts search, IAuthorizationService authorization) : PageModel
{
    public GetProduct.Details Product { get; private set; } = null!;
    /// <summary>The reader may edit this product (a member of its organization, or program staff).</summary>
    public bool CanEdit { get; private set; }
    public DateOnly Today => search.Today;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await get.HandleAsync(id, cancellationToken) is not { } product)
        {
            return NotFound();
        }
        Product = product;
        CanEdit = User.Identity?.IsAuthenticated == true
            && (await authorization.AuthorizeAsync(User, new OrganizationResource(product.OrganizationId), OrganizationOperations.ManageProducts)).Succeeded;
        return Page();
    }

}
