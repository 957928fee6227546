using Microsoft.AspNetCore.Mvc.RazorPages;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Calls;

namespace Mirae.Web.Features.Applications;

/// <summary>The applications of the organizations the member is approved for.</summary>
public sealed class MyApplicationsModel(ListMyApplications list) : PageModel
{
    public IReadOnlyList<ListMyApplications.Row> Applications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Applications = await list.HandleAsync(User.UserId(), cancellationToken);
}
