using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

[AllowAnonymous]
public sealed class ProductModel(GetProduct get, SearchProducts search) : PageModel
{
    public GetProduct.Details Product { get; private set; } = null!;
    public DateOnly Today => search.Today;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await get.HandleAsync(id, cancellationToken) is not { } product)
        {
            return NotFound();
        }
        Product = product;
        return Page();
    }

}
