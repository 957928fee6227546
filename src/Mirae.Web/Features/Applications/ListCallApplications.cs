using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Calls;

namespace Mirae.Web.Features.Applications;

/// <summary>The applications to one call for program staff: filtered by status or applicant, with the total requested.</summary>
public sealed class ListCallApplications(AppDbContext db)
{
    public sealed record Row(int Id, string BusinessNumber, string OrganizationKo, string? RegionKo, ApplicationStatus Status, string? ReceiptNumber,
        decimal? RequestedAmount, DateTimeOffset? SubmittedAt, DateTimeOffset UpdatedAt);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, decimal TotalRequested, IReadOnlyDictionary<ApplicationStatus, int> ByStatus);

    /// <param name="includeDrafts">Drafts are the applicants' own until submitted; staff see them only when asked.</param>
    public async Task<Result> HandleAsync(int callId, ApplicationStatus? status, string? applicant, bool includeDrafts, CancellationToken cancellationToken = default)
    {
        var all = from a in db.Applications.AsNoTracking()
                  join o in db.Organizations on a.OrganizationId equals o.Id
                  where a.CallId == callId && (includeDrafts || a.Status != ApplicationStatus.Draft)
                  select new { a, o };
        var byStatus = await all.GroupBy(x => x.a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var filtered = all;
        if (status is ApplicationStatus wanted)
        {
            filtered = filtered.Where(x => x.a.Status == wanted);
        }
        if (!string.IsNullOrWhiteSpace(applicant))
        {
            var text = applicant.Trim();
            var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
            filtered = filtered.Where(x => x.o.NameKo.Contains(text) || (x.a.ReceiptNumber != null && x.a.ReceiptNumber.Contains(text))
                || (digits.Length >= 3 && x.o.BusinessNumber.Contains(digits)));
        }
        var rows = await filtered.OrderBy(x => x.a.ReceiptNumber == null).ThenBy(x => x.a.ReceiptNumber).ThenBy(x => x.a.Id)
            .Select(x => new Row(x.a.Id, x.o.BusinessNumber, x.o.NameKo, x.o.RegionKo, x.a.Status, x.a.ReceiptNumber, x.a.RequestedAmount, x.a.SubmittedAt,
                x.a.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new Result(rows, rows.Count, rows.Sum(r => r.RequestedAmount ?? 0), byStatus);
    }

    private static readonly string[] CsvColumns =
        ["Application.ReceiptNumber", "Register.BusinessNumber", "Directory.Organization", "Calls.Eligibility.Regions", "Directory.Status",
            "Review.RequestedAmount", "Review.SubmittedAt"];

    /// <summary>The rows as CSV for Excel (<see cref="CsvExport"/>): KST times, amounts in won, labels in the reader's language.</summary>
    public static byte[] ToCsv(IReadOnlyList<Row> rows, Func<string, string> text)
    {
        var csv = new System.Text.StringBuilder();
        csv.AppendLine(CsvExport.Line(CsvColumns.Select(text)));
        foreach (var r in rows)
        {
            csv.AppendLine(CsvExport.Line([r.ReceiptNumber ?? "", Accounts.BusinessNumber.Format(r.BusinessNumber), r.OrganizationKo, r.RegionKo ?? "",
                text("ApplicationStatus." + r.Status), r.RequestedAmount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                r.SubmittedAt is { } at ? Kst.DateTime(at) : ""]));
        }
        return CsvExport.Bytes(csv.ToString());
    }
}
