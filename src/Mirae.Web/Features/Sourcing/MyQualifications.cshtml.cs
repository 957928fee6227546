using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>A buyer's qualifications (sample tests and decisions) and the change notices it must acknowledge.</summary>
[Authorize]
public sealed class MyQualificationsModel(IAuthorizationService authorization, RecordQualification record, AcknowledgeChange acknowledge, ListQualifications qualifications, ListChangeNotices notices, AppDbContext db, IStringLocalizer<SharedResource> text) : PageModel, IRedisplayPage
{
    public IReadOnlyList<(int Id, string NameKo)> Buyers { get; private set; } = [];
    public IReadOnlyList<ListQualifications.QualificationRow> Rows { get; private set; } = [];
    public IReadOnlyList<ListChangeNotices.NoticeRow> Notices { get; private set; } = [];

    [BindProperty] public int BuyerId { get; set; }
    [BindProperty, Display(Name = "Qualification.Product")] public string? ProductCode { get; set; }
    [BindProperty, Display(Name = "Qualification.Supplier")] public string? SupplierNumber { get; set; }
    [BindProperty] public QualificationDecision Decision { get; set; }
    [BindProperty, Display(Name = "Qualification.NextReview"), SensibleDate] public DateOnly? NextReviewOn { get; set; }
    [BindProperty] public bool Shared { get; set; }
    [BindProperty, Display(Name = "Qualification.SupplyingSince"), SensibleDate] public DateOnly? SupplyingSince { get; set; }
    [BindProperty, Display(Name = "Qualification.Summary"), StringLength(2000, ErrorMessage = "Validation.MaxLength")] public string? Summary { get; set; }
    [BindProperty, Display(Name = "Qualification.Tests"), StringLength(8000, ErrorMessage = "Validation.MaxLength")] public string? Tests { get; set; }

    public async Task<IActionResult> OnGetAsync(string? product, string? supplier, CancellationToken cancellationToken)
    {
        (ProductCode, SupplierNumber) = (product, supplier);
        return await LoadAsync(cancellationToken) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }
        var tests = ParseTests(Tests);
        if (!tests.Succeeded)
        {
            ModelState.AddModelError(nameof(Tests), text.AtLine(tests.BadLine, "Qualification.TestsInvalid"));
        }
        string? supplierDigits = null;
        if (!string.IsNullOrWhiteSpace(SupplierNumber))
        {
            supplierDigits = BusinessNumber.TryParse(SupplierNumber, out var number) ? number.Value.Digits : null;
            if (supplierDigits is null)
            {
                ModelState.AddModelError(nameof(SupplierNumber), text["Evaluators.NumberInvalid"]);
            }
        }
        if (string.IsNullOrWhiteSpace(ProductCode))
        {
            ModelState.AddModelError(nameof(ProductCode), text["Validation.Required", text["Qualification.Product"]]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await authorization.RequireAsync(User, BuyerId, SourcingOperations.ActAsBuyer, "supply.not-member", "Need.NotBuyer");
        await record.HandleAsync(BuyerId, ProductCode!, Decision, NextReviewOn, Shared, Summary ?? "", tests.Items, User.UserId(), cancellationToken, SupplyingSince,
            supplierDigits);
        TempData["Flash"] = text["Qualification.Recorded"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(int noticeId, int buyerId, CancellationToken cancellationToken)
    {
        try
        {
            await authorization.RequireAsync(User, buyerId, SourcingOperations.ActAsBuyer, "supply.not-member", "Need.NotBuyer");
            await acknowledge.HandleAsync(noticeId, buyerId, User.UserId(), cancellationToken);
        }
        catch (DomainException)
        {
            // Only a notice that is not addressed to the buyer fails here: that is access, not a form error.
            return Forbid();
        }
        TempData["Flash"] = text["Change.Acknowledged"].Value;
        return RedirectToPage();
    }

    /// <summary>The page is loaded before the decision is recorded, so it only shows itself again.</summary>
    public Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken) => Task.FromResult<IActionResult>(Page());

    public string? FieldFor(DomainException broken) => broken.Code switch
    {
        "qualification.product-unknown" or "qualification.product-ambiguous" => nameof(ProductCode),
        _ when broken.Code.EndsWith("review-date-required", StringComparison.Ordinal) => nameof(NextReviewOn),
        _ when broken.Code.EndsWith("supply-unqualified", StringComparison.Ordinal) => nameof(SupplyingSince),
        _ => null,
    };

    /// <summary>Lines of <c>date | lot | property | result | pass or fail</c>.</summary>
    public static LineFormat.Result<SampleTest> ParseTests(string? lines) =>
        LineFormat.Parse(lines, line =>
            line.Count == 5 && DateOnly.TryParseExact(line[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on)
            && line[4].ToLowerInvariant() is "pass" or "fail" or "적합" or "부적합"
                ? new SampleTest(on, line[1], line[2], line[3], line[4].ToLowerInvariant() is "pass" or "적합")
                : null);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Buyers = await db.OrganizationsOfAsync(User.UserId(), OrganizationKind.Buyer, cancellationToken);
        Rows = await qualifications.OwnAsync(User.UserId(), cancellationToken);
        Notices = await notices.NoticesAsync(User.UserId(), asSupplier: false, cancellationToken);
        return Buyers.Count > 0;
    }
}
