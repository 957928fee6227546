using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Applications;

namespace Mirae.Web.Features.Calls;

/// <summary>The public board of calls: open now (default), upcoming, or ended, with the D-day of each deadline.</summary>
[AllowAnonymous]
public sealed class CallsModel(ListCalls list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CallPhase Phase { get; set; } = CallPhase.Open;

    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    public PagedList<ListCalls.Row> Calls { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Clamp(PageNumber, 10);
        Calls = await list.HandleAsync(Phase, includeDrafts: false, page, size, cancellationToken);
    }
}
