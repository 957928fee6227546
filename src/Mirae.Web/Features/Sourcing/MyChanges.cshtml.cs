using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>A supplier files change notices for its products and sees which qualifying buyers have acknowledged them.</summary>
[Authorize]
public sealed class MyChangesModel(IAuthorizationService authorization, FileChangeNotice file, ListChangeNotices list, AppDbContext db, IStringLocalizer<SharedResource> text) : PageModel, IRedisplayPage
{
    public IReadOnlyList<(int Id, string Label)> Products { get; private set; } = [];
    public IReadOnlyList<ListChangeNotices.NoticeRow> Notices { get; private set; } = [];

    [BindProperty] public int ProductId { get; set; }
    [BindProperty] public ChangeCategory Category { get; set; }

    [BindProperty, Display(Name = "Change.Description"), StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    public string? Description { get; set; }

    [BindProperty, Display(Name = "Change.Lots"), StringLength(500, ErrorMessage = "Validation.MaxLength")]
    public string? AffectedLots { get; set; }

    [BindProperty, Display(Name = "Change.EffectiveOn"), Required(ErrorMessage = "Validation.Required")]
    [SensibleDate]
    public DateOnly? EffectiveOn { get; set; }

    [BindProperty, Display(Name = "Change.Document")]
    public IFormFile? Document { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var organizationId = await db.Products.Where(p => p.Id == ProductId).Select(p => (int?)p.OrganizationId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("product");
        await authorization.RequireAsync(User, organizationId, SourcingOperations.ActAsSupplier, "supply.not-member", "Change.NotSupplier");
        await using (var content = Document?.OpenReadStream())
        {
            await file.HandleAsync(ProductId, Category, Description ?? "", AffectedLots ?? "", EffectiveOn!.Value, User.UserId(), cancellationToken,
                Document is null ? null : new FileChangeNotice.Upload(content!, Document.Length, Document.FileName));
        }
        TempData["Flash"] = text["Change.Filed"].Value;
        return RedirectToPage();
    }

    /// <summary>A notice's document, always as a download, for the supplier's and the addressed buyers' members.</summary>
    public async Task<IActionResult> OnGetFileAsync(int noticeId, CancellationToken cancellationToken) =>
        await list.DocumentAsync(noticeId, User.UserId(), cancellationToken) is { } file
            ? File(file.Bytes, FileTypes.ContentType(file.Type), file.FileName)
            : NotFound();

    /// <summary>The page is loaded before the change is filed, so it only shows itself again.</summary>
    public Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken) => Task.FromResult<IActionResult>(Page());

    public string? FieldFor(DomainException broken) => broken.Code switch
    {
        "change.notice-too-short" => nameof(EffectiveOn),
        "change.invalid" => nameof(Description),
        _ when broken.Code.StartsWith("upload.", StringComparison.Ordinal) => nameof(Document),
        _ => null,
    };

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var suppliers = (await db.OrganizationsOfAsync(User.UserId(), OrganizationKind.Supplier, cancellationToken)).Select(o => o.Id).ToList();
        Products = (await db.Products.Where(p => suppliers.Contains(p.OrganizationId)).OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.NameKo })
            .ToListAsync(cancellationToken)).Select(p => (p.Id, $"{p.Code} · {p.NameKo}")).ToList();
        Notices = await list.NoticesAsync(User.UserId(), asSupplier: true, cancellationToken);
        return suppliers.Count > 0;
    }
}
