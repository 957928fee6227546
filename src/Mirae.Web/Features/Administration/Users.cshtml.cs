using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Administration;

[Authorize(Policy = AdministrationPolicies.Administrator)]
[ShowsPersonalData("member-list")]
public sealed class UsersModel(ListUsers list, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    public PagedList<ListUsers.Row> Users { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Clamp(PageNumber, 20);
        Users = await list.HandleAsync(Q, page, size, clock.GetUtcNow(), cancellationToken);
    }
}
