using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Sourcing;

/// <summary>A buyer's own qualifications with their tests, and the summaries other buyers chose to share.</summary>
public sealed class ListQualifications(AppDbContext db)
{
    public sealed record QualificationRow(int Id, int BuyerId, string BuyerKo, int ProductId, string ProductCode, string ProductKo, string SupplierKo,
        QualificationDecision Decision, DateOnly? NextReviewOn, bool Shared, string Summary, IReadOnlyList<SampleTest> Tests, DateTimeOffset UpdatedAt,
        DateOnly? SupplyingSince, string? BuyerEn = null, string? ProductEn = null, string? SupplierEn = null);

    /// <summary>Another buyer's shared summary: the decision and its summary text, never the test results.</summary>
    public sealed record SharedSummary(string BuyerKo, QualificationDecision Decision, string Summary, DateTimeOffset UpdatedAt);

    /// <summary>The qualifications of the member's buyer organizations, with their test results.</summary>
    public async Task<IReadOnlyList<QualificationRow>> OwnAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var mine = db.ApprovedOrganizationIds(memberId);
        return await (from q in db.Qualifications.AsNoTracking()
                      where mine.Contains(q.BuyerId)
                      join b in db.Organizations on q.BuyerId equals b.Id
                      join p in db.Products on q.ProductId equals p.Id
                      orderby q.UpdatedAt descending, q.Id descending
                      select new QualificationRow(q.Id, q.BuyerId, b.NameKo, p.Id, p.Code, p.NameKo, p.Organization.NameKo, q.Decision, q.NextReviewOn, q.Shared,
                          q.Summary, q.Tests, q.UpdatedAt, q.SupplyingSince, b.NameEn, p.NameEn, p.Organization.NameEn)).ToListAsync(cancellationToken);
    }

    /// <summary>Other buyers' shared summaries of a product (what anyone matching it may read).</summary>
    public async Task<IReadOnlyList<SharedSummary>> SharedAsync(int productId, CancellationToken cancellationToken) =>
        await db.Qualifications.AsNoTracking().Where(q => q.ProductId == productId && q.Shared && q.Decision != QualificationDecision.Testing)
            .Join(db.Organizations, q => q.BuyerId, o => o.Id, (q, o) => new SharedSummary(o.NameKo, q.Decision, q.Summary, q.UpdatedAt))
            .ToListAsync(cancellationToken);
}
