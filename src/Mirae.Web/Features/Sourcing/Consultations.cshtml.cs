using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mirae.Web.Features.Sourcing;

/// <summary>Pre-consultation sessions, for anyone to see; members book from each session's page.</summary>
[AllowAnonymous]
public sealed class ConsultationsModel(ListSessions sessions) : PageModel
{
    public IReadOnlyList<ListSessions.SessionRow> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Sessions = await sessions.ListAsync(cancellationToken);
}
