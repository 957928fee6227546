using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

[AllowAnonymous]
public sealed class OrganizationModel(GetOrganization get, IAuthorizationService authorization) : PageModel
{
    /// <summary>The reader may add products here (an approved member, or program staff).</summary>
    public bool CanManage { get; private set; }
    /// <summary>An approved member or program staff: may correct the profile.</summary>
    public bool CanEdit { get; private set; }

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
        CanEdit = User.Identity?.IsAuthenticated == true
            && (await authorization.AuthorizeAsync(User, new OrganizationResource(details.Organization.Id), OrganizationOperations.ManageProducts)).Succeeded;
        CanManage = CanEdit && details.Organization.Kind == OrganizationKind.Supplier;
        return Page();
    }

}
