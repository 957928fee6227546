using Mirae.Web.Features.Audit;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Administration;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Evaluation;

/// <summary>Program staff keep the evaluator pool: invite experts (a sign-up link to send), see their load, deactivate them.</summary>
[Authorize(Policy = AdministrationPolicies.ProgramStaff)]
[ShowsPersonalData("evaluators")] // names and e-mail addresses
public sealed class EvaluatorsModel(EvaluatorPool pool, PublicSite site, IStringLocalizer<SharedResource> text) : PageModel, IRedisplayPage
{
    public sealed class InviteForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Evaluators.Email")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Evaluators.Name")]
        public string? Name { get; set; }

        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Evaluators.Affiliation")]
        public string? Affiliation { get; set; }

        [StringLength(12, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Evaluators.AffiliationNumber")]
        public string? AffiliationNumber { get; set; }

        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Evaluators.Fields")]
        public string? Fields { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Evaluators.History")]
        public string? History { get; set; }

        [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Evaluators.Relations")]
        public string? Relations { get; set; }
    }

    [BindProperty(Name = "Invite")] // named: the page's other forms leave it unbound (issue 17.4)
    public InviteForm Invite { get; set; } = new();

    public IReadOnlyList<EvaluatorPool.Row> Rows { get; private set; } = [];

    /// <summary>The words for the fields' values (the calls' 지원 분야 options).</summary>
    public SupportFields Fields { get; private set; } = new(new Dictionary<string, Calls.FieldOption>());

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rows = await pool.ListAsync(cancellationToken);
        Fields = await pool.FieldsAsync(cancellationToken);
    }

    [ErrorsOn("Invite.Email")]
    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var history = ParseHistory(Invite.History);
        var relations = BusinessNumber.ParseList(Invite.Relations);
        string? affiliation = null;
        if (!string.IsNullOrWhiteSpace(Invite.AffiliationNumber))
        {
            affiliation = BusinessNumber.TryParse(Invite.AffiliationNumber, out var number) ? number.Value.Digits : null;
            if (affiliation is null)
            {
                ModelState.AddModelError("Invite.AffiliationNumber", text["Evaluators.NumberInvalid"]);
            }
        }
        if (!history.Succeeded)
        {
            ModelState.AddModelError("Invite.History", text.AtLine(history.BadLine, "Evaluators.HistoryInvalid"));
        }
        if (relations is null)
        {
            ModelState.AddModelError("Invite.Relations", text["Evaluators.NumberInvalid"]);
        }
        var fields = (Invite.Fields ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length > Evaluator.MaxFields || fields.Any(f => f.Length > 50))
        {
            ModelState.AddModelError("Invite.Fields", text["Evaluators.FieldsInvalid"]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        var token = await pool.InviteAsync(Invite.Email!, Invite.Name!, Invite.Affiliation ?? "", affiliation, fields, history.Items, relations!, cancellationToken);
        TempData["InviteLink"] = site.Link($"/evaluators/join/{token}");
        TempData["Flash"] = text["Evaluators.Invited", Invite.Name!].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostActiveAsync(int evaluatorId, bool active, CancellationToken cancellationToken)
    {
        await pool.SetActiveAsync(evaluatorId, active, cancellationToken);
        TempData["Flash"] = text[active ? "Evaluators.Activated" : "Evaluators.Deactivated"].Value;
        return RedirectToPage();
    }

    /// <summary>Lines of <c>year | business number | what</c>.</summary>
    private static LineFormat.Result<HistoryEntry> ParseHistory(string? text) =>
        LineFormat.Parse(text, line =>
            line.Count >= 2 && int.TryParse(line[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1950 and <= 2100
            && BusinessNumber.TryParse(line[1], out var number)
                ? new HistoryEntry(year, number.Value.Digits, line.Rest(2))
                : null);
}
