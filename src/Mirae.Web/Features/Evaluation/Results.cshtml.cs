using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mirae.Web.Features.Evaluation;

/// <summary>The public results of a call (선정 결과): companies, amounts and scores, and the inputs to re-run the selection.</summary>
[AllowAnonymous]
public sealed class ResultsModel(SelectUnderBudget select) : PageModel
{
    public SelectUnderBudget.Results Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await select.ResultsAsync(id, cancellationToken) is not { } results)
        {
            return NotFound();
        }
        Results = results;
        return Page();
    }
}
