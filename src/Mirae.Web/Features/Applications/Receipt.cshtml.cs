using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Applications;

/// <summary>
/// The printable receipt (접수증) of a submitted application with the application as submitted, as a page to print and
/// as a PDF; for the applying organization's members and program staff (whose reading is logged).
/// </summary>
[Authorize]
[ShowsPersonalData("application:{id}:receipt")]
public sealed class ReceiptModel(AppDbContext db, GetApplication get, IAuthorizationService authorization, IWebHostEnvironment environment,
    IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    public GetApplication.Details Application { get; private set; } = null!;
    public IReadOnlyList<ApplicationReceipt.Line> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetPdfAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        var pdf = ApplicationReceipt.Pdf(text["Receipt.Title"], Lines, text["Receipt.Footer"],
            Path.Combine(environment.WebRootPath, "lib", "fonts"));
        return File(pdf, "application/pdf", $"receipt-{Application.ReceiptNumber}.pdf");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if ((await ApplicationAccess.CheckAsync(db, authorization, HttpContext, id, ApplicationOperations.View, cancellationToken)).Refused is { } refused)
        {
            return refused;
        }
        Application = (await get.HandleAsync(id, cancellationToken))!;
        if (Application.ReceiptNumber is null)
        {
            // A draft has no receipt yet: back to the application, which says what is missing.
            return Redirect($"/applications/{id}");
        }
        Lines = ApplicationReceipt.Lines(Application, text, clock.GetUtcNow());
        return null;
    }
}
