using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

[AllowAnonymous]
public sealed class ProductModel(GetProduct get, SearchProducts search, IAuthorizationService authorization, ReadLedger ledger) : PageModel
{
    /// <summary>The product's entries in the public log (documents, certificates, change notices, shared qualifications), newest first.</summary>
    public IReadOnlyList<ReadLedger.Entry> Entries { get; private set; } = [];
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
        Entries = await ledger.ForSubjectAsync($"product:{product.Supplier.BusinessNumber}/{product.Code}", cancellationToken);
        return Page();
    }

}
