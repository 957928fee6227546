using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mirae.Web.Features.Ledger;

namespace Mirae.Web.Features.Evaluation;

/// <summary>The public results of a call (선정 결과): companies, amounts and scores, and the inputs to re-run the selection.</summary>
[AllowAnonymous]
public sealed class ResultsModel(SelectUnderBudget select, ReadLedger ledger) : PageModel
{
    public SelectUnderBudget.Results Results { get; private set; } = null!;

    /// <summary>The log's entry for this selection (the latest decision's), for the 검증 panel; null while none is recorded.</summary>
    /// <summary>The selection's entry in the log (none before it is recorded).</summary>
    public IReadOnlyList<ReadLedger.Entry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await select.ResultsAsync(id, cancellationToken) is not { } results)
        {
            return NotFound();
        }
        Results = results;
        Entries = (await ledger.ForSubjectAsync(AwardLedger.Subject(id), cancellationToken)).FirstOrDefault() is { } entry
            ? [await ledger.WithAnchorAsync(entry, cancellationToken)] : [];
        return Page();
    }
}
