using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Applications;

namespace Mirae.Web.Features.Calls;

/// <summary>A call's terms for everyone; a draft only for program staff (others get "not found").</summary>
[AllowAnonymous]
public sealed class CallDetailsModel(GetCall get, Data.AppDbContext db) : PageModel
{
    public GetCall.Details Call { get; private set; } = null!;

    /// <summary>A selection was confirmed: the page links to the public results.</summary>
    public bool HasResults { get; private set; }

    public bool IsStaff => User.IsProgramStaff();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var call = await get.HandleAsync(id, includeDrafts: IsStaff, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }
        Call = call;
        HasResults = await db.SelectionDecisions.AnyAsync(d => d.CallId == id, cancellationToken);
        return Page();
    }
}
