using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

public enum QualificationDecision
{
    /// <summary>Samples are being tested; no decision yet.</summary>
    Testing,
    Approved,
    Conditional,
    Suspended,
    Disqualified,
}

/// <summary>One sample test: when, on which lot, what was measured, the result and whether it passed.</summary>
public sealed record SampleTest(DateOnly On, string Lot, string Property, string Result, bool Passed);

/// <summary>
/// A buyer's qualification of a supplier's product (공급자 적격성 평가): sample test results and the decision with its next
/// review date. The buyer chooses whether a summary (decision and summary text, never the test results) is shared
/// with other buyers.
/// </summary>
public sealed class Qualification
{
    public const int MaxTests = 50;

    public int Id { get; private set; }
    public int BuyerId { get; private set; }
    public int ProductId { get; private set; }
    public QualificationDecision Decision { get; private set; }
    public DateOnly? NextReviewOn { get; private set; }
    public bool Shared { get; private set; }
    public string Summary { get; private set; } = "";
    public IReadOnlyList<SampleTest> Tests { get; private set; } = [];
    /// <summary>The first day of regular supply under this qualification (공급 개시), once it happens.</summary>
    public DateOnly? SupplyingSince { get; private set; }
    public Guid RecordedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private Qualification()
    {
    }

    public static Qualification Start(int buyerId, int productId, Guid memberId, DateTimeOffset now) =>
        new() { BuyerId = buyerId, ProductId = productId, Decision = QualificationDecision.Testing, RecordedById = memberId, CreatedAt = now, UpdatedAt = now };

    /// <summary>Records the tests so far and the decision; a decision other than testing needs a next review date unless disqualified.</summary>
    public void Record(QualificationDecision decision, DateOnly? nextReviewOn, bool shared, string summary, IReadOnlyList<SampleTest> tests, Guid memberId, DateTimeOffset now,
        DateOnly? supplyingSince = null)
    {
        if (supplyingSince is not null && decision is not (QualificationDecision.Approved or QualificationDecision.Conditional))
        {
            throw new DomainException("qualification.supply-unqualified", "Qualification.SupplyUnqualified", ProblemKind.Invalid);
        }
        if (tests.Count > MaxTests || summary.Trim().Length > 2000
            || tests.Any(t => t.Property.Trim().Length is 0 or > 100 || t.Result.Trim().Length is 0 or > 200 || t.Lot.Length > 50))
        {
            throw new DomainException("qualification.invalid", "Qualification.Invalid", ProblemKind.Invalid);
        }
        if (decision is QualificationDecision.Approved or QualificationDecision.Conditional && nextReviewOn is null)
        {
            throw new DomainException("qualification.review-date-required", "Qualification.ReviewDateRequired", ProblemKind.Invalid);
        }
        (Decision, NextReviewOn, Shared, Summary, Tests) = (decision, nextReviewOn, shared, summary.Trim(), tests.ToList());
        (RecordedById, UpdatedAt, SupplyingSince) = (memberId, now, supplyingSince);
    }

    /// <summary>The buyer relies on the product: it must hear of the supplier's changes (변경 통보).</summary>
    public bool Qualifies => Decision is QualificationDecision.Approved or QualificationDecision.Conditional;
}
