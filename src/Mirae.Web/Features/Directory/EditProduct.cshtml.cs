using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

/// <summary>The fields of a product a supplier edits; shared by the new-product and edit pages.</summary>
public sealed class ProductInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(60, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Product.Code")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Product.Material")]
    public string MaterialCode { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Product.NameKo")]
    public string NameKo { get; set; } = "";

    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Product.NameEn")]
    public string? NameEn { get; set; }

    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Product.DescriptionKo")]
    public string? DescriptionKo { get; set; }

    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Product.DescriptionEn")]
    public string? DescriptionEn { get; set; }

    [StringLength(20000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Product.Specifications")]
    public string? Specifications { get; set; }

    public SaveProduct.Command ToCommand(int organizationId, int? productId) =>
        new(organizationId, productId, Code, MaterialCode, NameKo, NameEn, DescriptionKo, DescriptionEn, Specifications);
}

/// <summary>
/// A supplier's product: details and specifications, certificates, documents. Every handler first
/// authorizes <see cref="OrganizationOperations.ManageProducts"/> on the product's organization.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = ProductDocument.MaxBytes + 1024 * 1024)]
[RequestSizeLimit(ProductDocument.MaxBytes + 1024 * 1024)]
public sealed class EditProductModel(AppDbContext db, IAuthorizationService authorization, SaveProduct save, ChangeCertificates certificates,
    ChangeDocuments documents, SearchProducts search, IStringLocalizer<SharedResource> text) : PageModel, IRedisplayPage
{
    /// <summary>
    /// The details form. Named, so that the certificate and document forms (which post no <c>Input.*</c>) leave it
    /// unbound: unnamed, MVC bound it from the form's root and reported its fields as missing (issue 17.4).
    /// </summary>
    [BindProperty(Name = "Input")]
    public ProductInput Input { get; set; } = new();

    public Product Product { get; private set; } = null!;
    public IReadOnlyList<Material> Materials { get; private set; } = [];
    public IReadOnlyList<GetProduct.DocumentRow> Documents { get; private set; } = [];
    public DateOnly Today => search.Today;

    private int _organizationId;
    private bool _keepInput;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await AuthorizeAsync(id, cancellationToken) ?? await PageAsync(id, keepInput: false, cancellationToken);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }
        // The code is the import key; it is not edited here, and SaveProduct keeps it.
        ModelState.Remove("Input.Code");
        _keepInput = true;
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(cancellationToken);
        }
        await save.HandleAsync(Input.ToCommand(_organizationId, id), cancellationToken);
        return Done("ProductEdit.Saved", id);
    }

    [ErrorsOn("certificate")]
    public async Task<IActionResult> OnPostAddCertificateAsync(int id, string? code, DateOnly? issuedOn, DateOnly? expiresOn, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }
        if (code is null || issuedOn is null || expiresOn is null)
        {
            ModelState.AddModelError("certificate", text["Certificate.Incomplete"]);
            return await RedisplayAsync(cancellationToken);
        }
        if (!Dates.IsSensible(issuedOn.Value) || !Dates.IsSensible(expiresOn.Value))
        {
            ModelState.AddModelError("certificate", text["Validation.DateRange", text["Certificate.Dates"]]);
            return await RedisplayAsync(cancellationToken);
        }
        await certificates.AddAsync(id, code, issuedOn.Value, expiresOn.Value, cancellationToken);
        return Done("ProductEdit.CertificateAdded", id);
    }

    public async Task<IActionResult> OnPostRemoveCertificateAsync(int id, int certificateId, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }
        await certificates.RemoveAsync(id, certificateId, cancellationToken);
        return Done("ProductEdit.CertificateRemoved", id);
    }

    [ErrorsOn("document")]
    public async Task<IActionResult> OnPostUploadAsync(int id, DocumentKind? kind, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }
        if (kind is null || !Enum.IsDefined(kind.Value) || file is null)
        {
            ModelState.AddModelError("document", text["Document.Incomplete"]);
            return await RedisplayAsync(cancellationToken);
        }
        await using var content = file.OpenReadStream();
        await documents.UploadAsync(id, kind.Value, file.FileName, file.Length, content, User.UserId(), cancellationToken);
        return Done("ProductEdit.DocumentAdded", id);
    }

    public async Task<IActionResult> OnPostRemoveDocumentAsync(int id, int documentId, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }
        await documents.RemoveAsync(id, documentId, cancellationToken);
        return Done("ProductEdit.DocumentRemoved", id);
    }

    /// <summary>The page again after a broken rule (<see cref="PageFailureFilter"/>); the details form keeps what was typed only when it was the one posted.</summary>
    public Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken) => PageAsync(this.RouteId(), _keepInput, cancellationToken);

    /// <summary>Post/redirect/get after a change that was saved.</summary>
    private RedirectToPageResult Done(string flash, int id)
    {
        TempData["Flash"] = flash;
        return RedirectToPage(new { id });
    }

    /// <summary>Null when the user may manage the product's organization; else the result to return (404 or 403).</summary>
    private async Task<IActionResult?> AuthorizeAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Products.Where(p => p.Id == id).Select(p => (int?)p.OrganizationId).SingleOrDefaultAsync(cancellationToken) is not { } organizationId)
        {
            return NotFound();
        }
        _organizationId = organizationId;
        return (await authorization.AuthorizeAsync(User, new OrganizationResource(organizationId), OrganizationOperations.ManageProducts)).Succeeded
            ? null
            : Forbid();
    }

    /// <summary>
    /// The page with the saved product. The details form keeps what was typed when <paramref name="keepInput"/>
    /// (its own post failed); otherwise it shows the saved details.
    /// </summary>
    private async Task<IActionResult> PageAsync(int id, bool keepInput, CancellationToken cancellationToken)
    {
        if (await db.LoadProductForEditAsync(id, cancellationToken) is not { } product)
        {
            return NotFound();
        }
        Product = product;
        Materials = await db.Materials.AsNoTracking().OrderBy(m => m.Code).ToListAsync(cancellationToken);
        Documents = product.Documents.OrderBy(d => d.Kind).ThenBy(d => d.UploadedAt)
            .Select(d => new GetProduct.DocumentRow(d.Id, d.Kind, d.File.FileName, d.File.Length, d.File.Sha256, d.UploadedAt)).ToList();
        if (keepInput)
        {
            Input.Code = product.Code;
            return Page();
        }
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        Input = new ProductInput
        {
            Code = product.Code, MaterialCode = product.Material.Code, NameKo = product.NameKo, NameEn = product.NameEn,
            DescriptionKo = product.DescriptionKo, DescriptionEn = product.DescriptionEn,
            Specifications = string.Join('\n', product.Specifications.OrderBy(s => s.Position).Select(s => s.Key + "=" + s.Value)),
        };
        return Page();
    }
}
