using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Faq;

/// <summary>Frequently asked questions, public, grouped by category, with a search box that works without JavaScript.</summary>
[AllowAnonymous]
public sealed class IndexModel(ListFaq list) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<IGrouping<FaqCategory, ListFaq.Row>> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = Query?.Length > 100 ? Query[..100] : Query;
        Groups = (await list.HandleAsync(Query, Language.IsEnglish, cancellationToken)).GroupBy(r => r.Category).ToList();
    }
}
