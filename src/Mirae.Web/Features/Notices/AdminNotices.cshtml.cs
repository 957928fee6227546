using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mirae.Web.Features.Administration;

namespace Mirae.Web.Features.Notices;

/// <summary>Program staff see every notice, scheduled ones included, and open one to change it or write a new one.</summary>
[Authorize(Policy = AdministrationPolicies.ProgramStaff)]
public sealed class AdminNoticesModel(ListNotices list, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ListNotices.Row> Notices { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Notices = await list.AllAsync(cancellationToken);
    }
}
