using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mirae.Web.Features.Accounts;

namespace Mirae.Web.Features.Evaluation;

/// <summary>An evaluator's assignments, unfinished first.</summary>
[Authorize(Policy = EvaluationPolicies.Evaluator)]
public sealed class MyEvaluationsModel(ScoreApplication score) : PageModel
{
    public IReadOnlyList<ScoreApplication.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await score.ListAsync(User.UserId(), cancellationToken);
}
