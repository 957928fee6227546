using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>
/// Accountability, public: each problem's stage, progress and way from posting to demonstration, the agency's answer,
/// the funded solution and what the trial sessions' participants said (count and average) — charts drawn from the tables
/// beside them — and the same as CSV.
/// </summary>
[AllowAnonymous]
public sealed class ResultsModel(ReadLab read, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Of { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    public IReadOnlyList<ReadLab.ChallengeRow> Challenges { get; private set; } = [];
    public ReadLab.ResultPage Found { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Challenges = await read.ChallengesAsync(cancellationToken);
        var (page, size) = Paging.Clamp(PageNumber, null);
        Found = await read.PageAsync(Of, null, null, page, size, cancellationToken);
        Pager = new PagerModel(page, Found.Results.PageCount, p => $"/lab/results?Of={Of}&pageNumber={p}");
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var results = await read.ResultsAsync(Of, null, cancellationToken);
        var csv = new StringBuilder().AppendLine(CsvExport.Line(["id", "challenge", "title", "category", "district", "stage", "progress", "supports", "author", "agency",
            "answer", "call", "tasks", "sessions", "feedback", "average_rating", "posted_at"]));
        foreach (var r in results)
        {
            var p = r.Problem;
            csv.AppendLine(CsvExport.Line([$"{p.Id}", r.ChallengeTitle, p.Title ?? text["Lab.HiddenTitle"], text["ProblemCategory." + p.Category], text["District." + p.District],
                text["ProblemStage." + p.Stage], p.Progress?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", $"{p.Supports}", p.Nickname, p.AgencyKo ?? "",
                r.AnswerKind is { } kind ? text["AnswerKind." + kind] : "", r.CallTitleKo ?? "", string.Join(" / ", r.Tasks.Select(t => t.Number)), $"{r.Sessions.Count}",
                $"{r.Feedback.Count}", r.Feedback.Average?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "", Kst.Date(p.CreatedAt)]));
        }
        return File(CsvExport.Bytes(csv.ToString()), "text/csv; charset=utf-8", "sos-lab-results.csv");
    }
}
