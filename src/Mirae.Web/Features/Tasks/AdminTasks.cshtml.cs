using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mirae.Web.Features.Administration;

namespace Mirae.Web.Features.Tasks;

/// <summary>Every funded task, for program staff, by status.</summary>
[Authorize(Policy = AdministrationPolicies.ProgramStaff)]
public sealed class AdminTasksModel(ReadTasks read) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public FundedTaskStatus? Status { get; set; }

    public IReadOnlyList<ReadTasks.Row> Tasks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tasks = await read.ListAsync(null, all: true, Status, null, cancellationToken);
}
