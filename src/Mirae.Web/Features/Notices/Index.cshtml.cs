using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Notices;

[AllowAnonymous]
public sealed class IndexModel(ListNotices list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    public PagedList<ListNotices.Row> Notices { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Clamp(PageNumber, 10);
        Notices = await list.HandleAsync(page, size, Language.IsEnglish, cancellationToken);
    }
}
