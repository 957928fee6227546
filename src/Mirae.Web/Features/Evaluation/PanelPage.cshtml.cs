using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Administration;
using Mirae.Web.Features.Audit;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Evaluation;

/// <summary>
/// Program staff run a call's panel: its size and aggregate, automatic assignment and changes by hand (with a reason),
/// progress per application and per evaluator, reminders, and closing. Scores stay sealed until the panel is closed.
/// </summary>
[Authorize(Policy = AdministrationPolicies.ProgramStaff)]
[ShowsPersonalData("call:{id}:panel")]
public sealed class PanelPageModel(SelectUnderBudget select, AssignEvaluators assign, EvaluatorPool pool,
    IStringLocalizer<SharedResource> text) : PageModel, IRedisplayPage
{
    public SelectUnderBudget.Board Board { get; private set; } = null!;
    public IReadOnlyList<EvaluatorPool.Row> Evaluators { get; private set; } = [];
    public SupportFields Fields { get; private set; } = new(new Dictionary<string, Calls.FieldOption>());

    [BindProperty]
    public int EvaluatorsPerApplication { get; set; } = 3;

    [BindProperty]
    public Aggregation Aggregation { get; set; } = Aggregation.Mean;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostSettingsAsync(int id, CancellationToken cancellationToken) =>
        RunAsync(id, async () =>
        {
            await assign.SavePanelAsync(id, EvaluatorsPerApplication, Aggregation, cancellationToken);
            return text["Panel.Saved"].Value;
        }, cancellationToken);

    public Task<IActionResult> OnPostAutoAsync(int id, CancellationToken cancellationToken) =>
        RunAsync(id, async () =>
        {
            var (assigned, shortOf) = await assign.AutoAsync(id, cancellationToken);
            return text["Panel.Assigned", assigned, shortOf.Count].Value;
        }, cancellationToken);

    public Task<IActionResult> OnPostAddAsync(int id, int applicationId, int evaluatorId, string? reason, CancellationToken cancellationToken) =>
        RunAsync(id, async () =>
        {
            await assign.AddAsync(id, applicationId, evaluatorId, reason ?? "", cancellationToken);
            return text["Panel.Added"].Value;
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(int id, int assignmentId, string? reason, CancellationToken cancellationToken) =>
        RunAsync(id, async () =>
        {
            await assign.RemoveAsync(id, assignmentId, reason ?? "", cancellationToken);
            return text["Panel.Removed"].Value;
        }, cancellationToken);

    public Task<IActionResult> OnPostRemindAsync(int id, CancellationToken cancellationToken) =>
        RunAsync(id, async () => await assign.RemindAsync(id, cancellationToken) is var reminded && reminded.NotJoined > 0
            ? text["Panel.RemindedNotJoined", reminded.Notified, reminded.NotJoined].Value
            : text["Panel.Reminded", reminded.Notified].Value, cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(int id, [FromForm(Name = "closeReason")] string? closeReason, CancellationToken cancellationToken) =>
        RunAsync(id, async () =>
        {
            await assign.CloseAsync(id, closeReason, cancellationToken);
            return text["Panel.ClosedDone"].Value;
        }, cancellationToken);

    private async Task<IActionResult> RunAsync(int id, Func<Task<string>> action, CancellationToken cancellationToken)
    {
        try
        {
            TempData["Flash"] = await action();
        }
        catch (NotFoundException)
        {
            // An application or evaluator named by the form that is gone is a message on the panel, not the 404 page.
            throw new DomainException("not_found", "Problem.NotFound", ProblemKind.NotFound);
        }
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken) =>
        await LoadAsync(this.RouteId(), cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await select.BoardAsync(id, cancellationToken) is not { } board)
        {
            return false;
        }
        Board = board;
        Evaluators = (await pool.ListAsync(cancellationToken)).Where(e => e.Active).ToList();
        Fields = await pool.FieldsAsync(cancellationToken);
        if (board.Panel is { } panel && Request.Method == HttpMethods.Get)
        {
            (EvaluatorsPerApplication, Aggregation) = (panel.EvaluatorsPerApplication, panel.Aggregation);
        }
        return true;
    }
}
