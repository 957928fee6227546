using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Features.Administration;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Audit;

/// <summary>Administrators read the audit log: search by who, what, subject, address and days; page through it; export CSV.</summary>
[Authorize(Policy = AdministrationPolicies.Administrator)]
[ShowsPersonalData("audit-log")]
public sealed class AuditLogPageModel(ReadAuditLog read, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Address { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    public PagedList<ReadAuditLog.Row> Rows { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<string> Actions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Actions = await read.ActionsAsync(cancellationToken);
        if (BuildFilter() is { } filter)
        {
            var (page, size) = Paging.Clamp(PageNumber, 50);
            Rows = await read.PageAsync(filter, page, size, cancellationToken);
        }
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (BuildFilter() is not { } filter)
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }
        return File(await read.CsvAsync(filter, key => text[key], cancellationToken), "text/csv; charset=utf-8", "mirae-audit-log.csv");
    }

    /// <summary>The filter, or null with a message beside a date that is not one.</summary>
    private ReadAuditLog.Filter? BuildFilter()
    {
        DateOnly? Day(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }
            if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            {
                return day;
            }
            ModelState.AddModelError(field, text["AuditLog.DateInvalid"]);
            return null;
        }
        var (from, to) = (Day(From, nameof(From)), Day(To, nameof(To)));
        return ModelState.IsValid ? new ReadAuditLog.Filter(Actor, ActionName, Subject, Address, from, to) : null;
    }
}
