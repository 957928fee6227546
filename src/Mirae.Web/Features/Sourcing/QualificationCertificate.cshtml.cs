using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>
/// The printable qualification certificate (공급자 적격성 확인서) of a decision the buyer shared: approved or conditional.
/// It says only what the public log already says (the two organizations, the product, the decision and its dates), so
/// anyone with the address may open it; its QR code leads to the decision's entry on the public verify page. A decision
/// that is not shared, or no longer approved, has no certificate.
/// </summary>
[AllowAnonymous]
public sealed class QualificationCertificateModel(AppDbContext db, ReadLedger ledger, PublicSite site) : PageModel
{
    public sealed record Facts(string BuyerKo, string? BuyerEn, string BuyerNumber, string SupplierKo, string? SupplierEn, string SupplierNumber,
        string ProductCode, string ProductKo, string? ProductEn, QualificationDecision Decision, DateOnly? NextReviewOn, DateTimeOffset UpdatedAt);

    public Facts Certificate { get; private set; } = null!;
    public ReadLedger.Entry? Entry { get; private set; }
    public string? DecidedOn { get; private set; }
    public string VerifyUrl { get; private set; } = "";
    public string QrPng { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var facts = await (from q in db.Qualifications.AsNoTracking()
                           where q.Id == id && q.Shared && (q.Decision == QualificationDecision.Approved || q.Decision == QualificationDecision.Conditional)
                           join b in db.Organizations on q.BuyerId equals b.Id
                           join p in db.Products on q.ProductId equals p.Id
                           select new Facts(b.NameKo, b.NameEn, b.BusinessNumber, p.Organization.NameKo, p.Organization.NameEn, p.Organization.BusinessNumber,
                               p.Code, p.NameKo, p.NameEn, q.Decision, q.NextReviewOn, q.UpdatedAt)).SingleOrDefaultAsync(cancellationToken);
        if (facts is null)
        {
            return NotFound();
        }
        Certificate = facts;
        // The newest shared decision of this buyer on this product (the subject also carries documents and changes).
        Entry = (await ledger.ForSubjectAsync($"product:{facts.SupplierNumber}/{facts.ProductCode}", cancellationToken, LedgerKinds.QualificationShared,
            $"\"buyerBusinessNumber\":\"{facts.BuyerNumber}\"")).FirstOrDefault();
        DecidedOn = Entry is null ? Kst.Date(facts.UpdatedAt) : (string?)JsonNode.Parse(Entry.Body)?["data"]?["decidedOn"];
        VerifyUrl = Entry?.Index is { } index ? site.Link($"/verify?q={index}") : site.Link("/verify");
        QrPng = VerifyQr.PngDataUrl(VerifyUrl);
        return Page();
    }
}
