using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

[AllowAnonymous]
public sealed class OrganizationModel(GetOrganization get) : PageModel
{
    public GetOrganization.Details Details { get; private set; } = null!;
    public string BusinessNumber { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string businessNumber, CancellationToken cancellationToken)
    {
        if (!Accounts.BusinessNumber.TryParse(businessNumber, out var number) || await get.HandleAsync(number.Value.Digits, cancellationToken) is not { } details)
        {
            return NotFound();
        }
        Details = details;
        BusinessNumber = number.Value.ToString();
        return Page();
    }

}
