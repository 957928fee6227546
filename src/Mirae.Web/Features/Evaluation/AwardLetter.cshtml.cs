using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Applications;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Evaluation;

/// <summary>
/// The printable award letter (선정 통지서) of a selected application, for its organization's members and staff, with a
/// QR code that leads anyone holding the paper to the public verify page of the selection's log entry.
/// </summary>
[Authorize]
[ShowsPersonalData("application:{id}:award")]
public sealed class AwardLetterModel(AppDbContext db, GetApplication get, IAuthorizationService authorization, ReadLedger ledger, PublicSite site)
    : PageModel
{
    public GetApplication.Details Application { get; private set; } = null!;
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public ReadLedger.Entry? Entry { get; private set; }
    public string VerifyUrl { get; private set; } = "";
    public string QrPng { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if ((await ApplicationAccess.CheckAsync(db, authorization, HttpContext, id, ApplicationOperations.View, cancellationToken)).Refused is { } refused)
        {
            return refused;
        }
        Application = (await get.HandleAsync(id, cancellationToken))!;
        if (Application.Status != ApplicationStatus.Selected)
        {
            return Redirect($"/applications/{id}");
        }
        ConfirmedAt = await db.SelectionDecisions.AsNoTracking().Where(d => d.CallId == Application.Call.Id).OrderByDescending(d => d.Id)
            .Select(d => (DateTimeOffset?)d.ConfirmedAt).FirstOrDefaultAsync(cancellationToken);
        Entry = (await ledger.ForSubjectAsync(AwardLedger.Subject(Application.Call.Id), cancellationToken)).FirstOrDefault();
        VerifyUrl = Entry?.Index is { } index ? site.Link($"/verify?q={index}") : site.Link($"/calls/{Application.Call.Id}/results");
        QrPng = VerifyQr.PngDataUrl(VerifyUrl);
        return Page();
    }
}
