using Mirae.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mirae.Web.Features.Sourcing;

/// <summary>A supplier's view: the open needs one of its products matches, with the best match and whether it already said so.</summary>
[Authorize]
public sealed class SupplierNeedsModel(MatchNeeds matching) : PageModel
{
    public IReadOnlyList<MatchNeeds.SupplierMatch> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await matching.ForSupplierAsync(User.UserId(), cancellationToken);
}
