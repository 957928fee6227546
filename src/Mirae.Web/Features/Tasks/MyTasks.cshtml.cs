using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mirae.Web.Features.Accounts;

namespace Mirae.Web.Features.Tasks;

/// <summary>The funded tasks of the member's organizations.</summary>
[Authorize]
public sealed class MyTasksModel(ReadTasks read) : PageModel
{
    public IReadOnlyList<ReadTasks.Row> Tasks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tasks = await read.ListAsync(User.UserId(), all: false, null, null, cancellationToken);
}
