using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Features.Administration;

namespace Mirae.Web.Features.Sourcing;

/// <summary>The localization dashboard for program staff: the rate, the funnel, each item's timeline and stage per buyer.</summary>
[Authorize(Policy = AdministrationPolicies.ProgramStaff)]
public sealed class DashboardModel(LocalizationProgress progress, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Item { get; set; }

    public LocalizationProgress.Report Report { get; private set; } = null!;
    public LocalizationProgress.Target? Selected { get; private set; }
    public IReadOnlyList<LocalizationProgress.Happening> Timeline { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Report = await progress.ReportAsync(cancellationToken);
        Selected = Report.Targets.FirstOrDefault(t => t.Code == Item) ?? Report.Targets.OrderByDescending(t => t.Furthest).ThenBy(t => t.Code).FirstOrDefault();
        if (Selected is not null)
        {
            Timeline = await progress.TimelineAsync(Selected.MaterialId, cancellationToken);
        }
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        File(LocalizationProgress.Csv(await progress.ReportAsync(cancellationToken), key => text[key]), "text/csv; charset=utf-8", "mirae-localization-stages.csv");
}
