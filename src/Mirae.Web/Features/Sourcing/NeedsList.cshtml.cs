using Mirae.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>Buyers' needs (수요): public ones for everyone, and those the member's organizations posted or were invited to.</summary>
[AllowAnonymous]
public sealed class NeedsListModel(ListNeeds needs) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public IReadOnlyList<ListNeeds.Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public PagerModel Pager { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Clamp(PageNumber, 20);
        (Total, Rows) = await needs.ListAsync(User.ViewerId(), page, size, cancellationToken);
        Pager = new PagerModel(page, Math.Max(1, (Total + size - 1) / size), p => $"/needs?page={p}");
    }
}
