using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

[AllowAnonymous]
public sealed class SearchModel(SearchProducts search, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int ExportLimit = 10_000;
    private static readonly string[] ExportColumns =
        ["product_code", "material_code", "name_ko", "name_en", "business_number", "supplier_ko", "region_ko", "valid_certifications"];

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Material { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cert { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Target { get; set; }
    [BindProperty(SupportsGet = true)] public SearchProducts.Sort Sort { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public SearchProducts.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Clamp(PageNumber, 20);
        Result = await search.HandleAsync(BuildQuery(page, size), cancellationToken);
    }

    /// <summary>The current results as CSV (UTF-8 with BOM, so Excel opens Korean), at most <see cref="ExportLimit"/> rows.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var result = await search.HandleAsync(BuildQuery(1, ExportLimit), cancellationToken);
        var csv = new StringBuilder();
        csv.AppendLine(CsvExport.Line(ExportColumns));
        foreach (var row in result.Page.Items)
        {
            var valid = row.Certifications.Where(c => c.IssuedOn <= result.Today && result.Today <= c.ExpiresOn).Select(c => c.Code);
            csv.AppendLine(CsvExport.Line(
            [
                row.ProductCode, row.MaterialCode, row.NameKo, row.NameEn ?? "", Accounts.BusinessNumber.Format(row.Organization.BusinessNumber), row.Organization.NameKo,
                row.Organization.RegionKo ?? "", string.Join(';', valid),
            ]));
        }
        return File(CsvExport.Bytes(csv.ToString()), "text/csv; charset=utf-8", $"mirae-products-{result.Today:yyyyMMdd}.csv");
    }

    /// <summary>A link to this page with one parameter changed (null removes it); paging restarts unless it is the page.</summary>
    public string Link(string name, object? value) => Url.Page("/Directory/Search", RouteValues(name, value))!;

    /// <summary>The CSV export of the current search.</summary>
    public string ExportLink() => Url.Page("/Directory/Search", "Export", RouteValues("pageNumber", null))!;

    private Dictionary<string, object?> RouteValues(string name, object? value)
    {
        var values = new Dictionary<string, object?>
        {
            ["q"] = Q, ["category"] = Category, ["material"] = Material, ["cert"] = Cert, ["region"] = Region, ["target"] = Target,
            ["sort"] = Sort == SearchProducts.Sort.Relevance ? null : Sort, ["pageNumber"] = null,
        };
        values[name] = value;
        return values.Where(v => v.Value is not null and not "").ToDictionary(v => v.Key, v => v.Value);
    }

    public string TargetLabel(string value) => text[value == "true" ? "Directory.Target.Yes" : "Directory.Target.No"];

    private SearchProducts.Query BuildQuery(int page, int size) =>
        new(Q?.Length > 200 ? Q[..200] : Q, Category, Material, Cert, Region, Target, Sort, page, size);
}
