using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Administration;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Evaluation;

/// <summary>
/// The committee's selection: inputs (budget, minimum score, award limit, cuts, category limits), the exact optimum
/// beside the ranking-order selection with a reason for every application, and confirmation with a recorded decision.
/// </summary>
[Authorize(Policy = AdministrationPolicies.ProgramStaff)]
public sealed class SelectionPageModel(SelectUnderBudget select, IStringLocalizer<SharedResource> text) : PageModel, IRedisplayPage
{
    public sealed class InputForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Range(1, 100_000_000_000_000, ErrorMessage = "Call.AmountInvalid")]
        [Display(Name = "Selection.BudgetLabel")]
        public long? Budget { get; set; }

        [Range(0, 1000, ErrorMessage = "Selection.InputsInvalid")]
        [Display(Name = "Selection.MinScore")]
        public decimal MinScore { get; set; } = 70;

        [Range(1, 1000, ErrorMessage = "Selection.InputsInvalid")]
        [Display(Name = "Selection.MaxAwards")]
        public int? MaxAwards { get; set; }

        [Range(0, 90, ErrorMessage = "Selection.InputsInvalid")]
        [Display(Name = "Selection.Cut")]
        public int CutPercent { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Selection.Amounts")]
        public string? Amounts { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Selection.Limits")]
        public string? Limits { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Selection.Note")]
        public string? Note { get; set; }
    }

    [BindProperty(Name = "Input")] // named: the page's other forms leave it unbound (issue 17.4)
    public InputForm Input { get; set; } = new();

    public SelectUnderBudget.Board Board { get; private set; } = null!;
    public SelectionProblem? Problem { get; private set; }
    public SelectionResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Input.Budget = Board.Budget;
        Input.MaxAwards = Board.ExpectedAwards;
        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Solve();
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var inputs = Solve();
        if (inputs is not null && string.IsNullOrWhiteSpace(Input.Note))
        {
            ModelState.AddModelError("Input.Note", text["Selection.NoteRequired"]);
        }
        if (inputs is null || !ModelState.IsValid)
        {
            return Page();
        }
        await select.ConfirmAsync(id, inputs, Input.Note!, User.UserId(), cancellationToken);
        TempData["Flash"] = text["Selection.Confirmed"].Value;
        return Redirect($"/calls/{id}/results");
    }

    /// <summary>The board and the posted inputs are loaded before the selection is confirmed, so the page only shows itself again.</summary>
    public Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken) => Task.FromResult<IActionResult>(Page());

    /// <summary>Runs the solver on the posted inputs for the page; returns them when they make a solvable problem.</summary>
    private SelectUnderBudget.Inputs? Solve()
    {
        var amounts = ParseAmounts(Input.Amounts);
        var limits = ParseLimits(Input.Limits);
        if (!amounts.Succeeded)
        {
            ModelState.AddModelError("Input.Amounts", text.AtLine(amounts.BadLine, "Selection.AmountsInvalid"));
        }
        if (!limits.Succeeded)
        {
            ModelState.AddModelError("Input.Limits", text.AtLine(limits.BadLine, "Selection.LimitsInvalid"));
        }
        if (!ModelState.IsValid)
        {
            return null;
        }
        var inputs = new SelectUnderBudget.Inputs(Input.Budget!.Value, decimal.Round(Input.MinScore, 2), Input.MaxAwards, Input.CutPercent,
            amounts.Items.GroupBy(a => a.ApplicationId).ToDictionary(g => g.Key, g => g.Last().Won), [.. limits.Items]);
        try
        {
            Problem = SelectUnderBudget.Problem(Board, inputs);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", text[e.MessageKey]);
            return null;
        }
        var outcome = SelectionSolver.Solve(Problem);
        if (outcome.Infeasible is { } why)
        {
            ModelState.AddModelError("", SelectionText.Infeasible(text, why));
            return null;
        }
        Result = outcome.Result;
        return inputs;
    }

    private sealed record Amount(int ApplicationId, long Won);

    /// <summary>Lines of <c>receipt number | amount</c> (the committee's per-application amount).</summary>
    private LineFormat.Result<Amount> ParseAmounts(string? lines)
    {
        var byReceipt = Board.Standings.ToDictionary(s => s.ReceiptNumber, s => s.ApplicationId, StringComparer.Ordinal);
        return LineFormat.Parse(lines, line =>
            line.Count == 2 && byReceipt.TryGetValue(line[0], out var applicationId)
            && long.TryParse(line[1].Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount is >= 1 and <= (long)Calls.Call.MaxAmount
                ? new Amount(applicationId, amount)
                : null);
    }

    /// <summary>Lines of <c>category | min | max</c> (either bound may be blank, not both); a category once.</summary>
    private static LineFormat.Result<CategoryLimit> ParseLimits(string? lines)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return LineFormat.Parse(lines, line =>
        {
            int? Bound(int index) => int.TryParse(line[index], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
            var (min, max) = (Bound(1), Bound(2));
            var blankOrNumber = line.Cells.Skip(1).All(p => p.Length == 0 || int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _));
            return line.Count is < 2 or > 3 || line[0].Length is 0 or > 100 || !blankOrNumber || (min is null && max is null) || min > max || !seen.Add(line[0])
                ? null
                : new CategoryLimit(line[0], min, max);
        });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await select.BoardAsync(id, cancellationToken) is not { } board)
        {
            return false;
        }
        Board = board;
        return true;
    }
}
