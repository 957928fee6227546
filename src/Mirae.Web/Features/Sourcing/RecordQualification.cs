using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using System.Text.Json.Nodes;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>
/// A buyer records a sample test or a qualification decision on a supplier's product, sharing a summary if it chooses
/// (the caller authorized <see cref="SourcingOperations.ActAsBuyer"/>).
/// </summary>
public sealed class RecordQualification(AppDbContext db, AuditLog audit, LedgerRecords ledger, TimeProvider clock)
{
    public async Task<int> HandleAsync(int buyerId, string productCode, QualificationDecision decision, DateOnly? nextReviewOn, bool shared, string summary,
        IReadOnlyList<SampleTest> tests, Guid memberId, CancellationToken cancellationToken, DateOnly? supplyingSince = null, string? supplierNumber = null)
    {
        // Codes are unique per supplier, not across the directory: the supplier's business number settles a shared code.
        var matching = await db.Products.Where(p => p.Code == productCode.Trim() && (supplierNumber == null || p.Organization.BusinessNumber == supplierNumber))
            .Select(p => p.Id).Take(2).ToListAsync(cancellationToken);
        var productId = matching switch
        {
            [var only] => only,
            [] => throw new DomainException("qualification.product-unknown", "Qualification.ProductUnknown", ProblemKind.Invalid),
            _ => throw new DomainException("qualification.product-ambiguous", "Qualification.ProductAmbiguous", ProblemKind.Invalid),
        };
        var now = clock.GetUtcNow();
        var qualification = await db.Qualifications.SingleOrDefaultAsync(q => q.BuyerId == buyerId && q.ProductId == productId, cancellationToken);
        if (qualification is null)
        {
            qualification = Qualification.Start(buyerId, productId, memberId, now);
            db.Qualifications.Add(qualification);
        }
        qualification.Record(decision, nextReviewOn, shared, summary, tests, memberId, now, supplyingSince);
        audit.Add(AuditActions.QualificationRecorded, $"product:{productId}", $"buyer:{buyerId} {decision} shared={shared} tests={tests.Count}");
        if (shared)
        {
            // A decision the buyer shares goes into the public log: who by business number, the decision and its dates; never
            // the buyer's own notes or test results.
            var parties = await db.Products.Where(p => p.Id == productId)
                .Select(p => new { p.Code, Supplier = p.Organization.BusinessNumber, Buyer = db.Organizations.Where(o => o.Id == buyerId).Select(o => o.BusinessNumber).Single() })
                .SingleAsync(cancellationToken);
            ledger.Add(LedgerKinds.QualificationShared, $"product:{parties.Supplier}/{parties.Code}", new JsonObject
            {
                ["buyerBusinessNumber"] = parties.Buyer,
                ["supplierBusinessNumber"] = parties.Supplier,
                ["productCode"] = parties.Code,
                ["decision"] = decision.ToString(),
                ["decidedOn"] = DateOnly.FromDateTime(now.UtcDateTime.AddHours(9)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["nextReviewOn"] = nextReviewOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        return qualification.Id;
    }
}
