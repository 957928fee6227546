using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>
/// A buyer records a sample test or a qualification decision on a supplier's product, sharing a summary if it chooses
/// (the caller authorized <see cref="SourcingOperations.ActAsBuyer"/>).
/// </summary>
public sealed class RecordQualification(AppDbContext db, AuditLog audit, TimeProvider clock)
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
        await db.SaveChangesAsync(cancellationToken);
        return qualification.Id;
    }
}
