using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>A buyer's member posts a need: material, specification lines, certificates, volume, timeline and visibility.</summary>
[Authorize]
public sealed class NewNeedModel(PostNeed post, IAuthorizationService authorization, Data.AppDbContext db, IStringLocalizer<SharedResource> text) : PageModel, IRedisplayPage
{
    public sealed class NeedForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Needs.Buyer")]
        public int? BuyerId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Needs.Material")]
        public int? MaterialId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Needs.NeedTitle")]
        public string? Title { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Needs.Description")]
        public string? Description { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Needs.Requirements")]
        public string? Requirements { get; set; }

        [StringLength(300, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Needs.Certificates")]
        public string? Certificates { get; set; }

        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Needs.AnnualVolume")]
        public string? AnnualVolume { get; set; }

        [Display(Name = "Needs.NeededBy")]
        [SensibleDate]
        public DateOnly? NeededBy { get; set; }

        public NeedVisibility Visibility { get; set; }

        [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Needs.Invited")]
        public string? Invited { get; set; }
    }

    [BindProperty]
    public NeedForm Input { get; set; } = new();

    public IReadOnlyList<(int Id, string NameKo)> Buyers { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> Materials { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }
        var requirements = ParseRequirements(Input.Requirements);
        var certificates = (Input.Certificates ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).ToList();
        var invited = BusinessNumber.ParseList(Input.Invited);
        if (invited is null)
        {
            ModelState.AddModelError("Input.Invited", text["Evaluators.NumberInvalid"]);
        }
        if (!requirements.Succeeded || requirements.Items.Count > Need.MaxRequirements)
        {
            ModelState.AddModelError("Input.Requirements", text.AtLine(requirements.BadLine, "Needs.RequirementsInvalid"));
        }
        if (certificates.Any(c => c.Length > 30) || certificates.Count > Need.MaxCertificates)
        {
            ModelState.AddModelError("Input.Certificates", text["Needs.CertificatesInvalid"]);
        }
        if (Input.Visibility == NeedVisibility.Invited && invited is { Count: 0 })
        {
            ModelState.AddModelError("Input.Invited", text["Need.NoInvited"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await authorization.RequireAsync(User, Input.BuyerId!.Value, SourcingOperations.ActAsBuyer, "need.not-buyer", "Need.NotBuyer");
        var id = await post.HandleAsync(Input.BuyerId!.Value, new Need.Terms(Input.MaterialId!.Value, Input.Title!, Input.Description ?? "", [.. requirements.Items], certificates,
            Input.AnnualVolume ?? "", Input.NeededBy, Input.Visibility, invited!), User.UserId(), cancellationToken);
        TempData["Flash"] = text["Needs.Posted"].Value;
        return Redirect($"/needs/{id}");
    }

    /// <summary>The page is loaded before the need is posted, so it only shows itself again.</summary>
    public Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken) => Task.FromResult<IActionResult>(Page());

    /// <summary>Lines of <c>key | value</c> or <c>key | min-max</c> (either end may be empty), then optionally <c>| hard</c>.</summary>
    public static LineFormat.Result<SpecRequirement> ParseRequirements(string? lines) =>
        LineFormat.Parse(lines, line =>
        {
            if (line.Count is < 2 or > 3 || line[0].Length is 0 or > 50 || line[1].Length is 0 or > 200
                || (line.Count == 3 && line[2] is not ("hard" or "soft" or "필수" or "우대")))
            {
                return null;
            }
            var hard = line.Count == 3 && line[2] is "hard" or "필수";
            var range = line[1].Split('-', 2, StringSplitOptions.TrimEntries);
            // A bound that reads as a number (1e309 and 10^20 included) is a range, and must then be a usable one.
            static bool LooksNumeric(string s) => s.Length == 0 || double.TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _);
            static decimal? Number(string s) => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && Money.InTypedRange(n) ? n : null;
            if (range.Length == 2 && LooksNumeric(range[0]) && LooksNumeric(range[1]) && (range[0].Length > 0 || range[1].Length > 0))
            {
                var (min, max) = (Number(range[0]), Number(range[1]));
                return (range[0].Length > 0 && min is null) || (range[1].Length > 0 && max is null) || min > max
                    ? null
                    : new SpecRequirement(line[0], null, min, max, hard);
            }
            return new SpecRequirement(line[0], line[1], null, null, hard);
        });

    /// <summary>The member's buyer organizations and the materials; false when the member belongs to no buyer.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Buyers = await db.OrganizationsOfAsync(User.UserId(), OrganizationKind.Buyer, cancellationToken);
        Materials = await db.MaterialOptionsAsync(cancellationToken);
        return Buyers.Count > 0;
    }
}
