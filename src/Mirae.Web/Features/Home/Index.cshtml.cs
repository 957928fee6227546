using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mirae.Web.Features.Notices;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Home;

[AllowAnonymous]
public sealed class IndexModel(ListNotices notices) : PageModel
{
    public IReadOnlyList<ListNotices.Row> Notices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Notices = (await notices.HandleAsync(1, 5, Language.IsEnglish, cancellationToken)).Items;
}
