using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>How big a change is; each needs its own notice before it takes effect.</summary>
public enum ChangeCategory
{
    Minor,
    Moderate,
    Major,
}

/// <summary>
/// A supplier's change notice for a product (변경 통보): what changes, from when, which lots. Every buyer that qualified
/// the product (approved or conditional) when it was filed must acknowledge it; the supplier sees who has.
/// </summary>
public sealed class ChangeNotice
{
    public int Id { get; private set; }
    public int ProductId { get; private set; }
    public ChangeCategory Category { get; private set; }
    public string Description { get; private set; } = "";
    public string AffectedLots { get; private set; } = "";
    public DateOnly EffectiveOn { get; private set; }
    public Guid FiledById { get; private set; }
    public DateTimeOffset FiledAt { get; private set; }
    /// <summary>A document supporting the change (new CoA, validation report …), checked by content; optional.</summary>
    public Guid? FileId { get; private set; }
    public StoredFile? File { get; private set; }

    private readonly List<ChangeAcknowledgement> _acknowledgements = [];
    public IReadOnlyList<ChangeAcknowledgement> Acknowledgements => _acknowledgements;

    private ChangeNotice()
    {
    }

    /// <summary>The notice a change needs before it takes effect: 30 days for minor, 90 for moderate, 180 for major.</summary>
    public static int NoticeDays(ChangeCategory category) => category switch
    {
        ChangeCategory.Minor => 30,
        ChangeCategory.Moderate => 90,
        _ => 180,
    };

    public static ChangeNotice Create(int productId, ChangeCategory category, string description, string affectedLots, DateOnly effectiveOn,
        IReadOnlyCollection<int> qualifyingBuyers, Guid memberId, DateTimeOffset now, DateOnly today, StoredFile? document = null)
    {
        if (string.IsNullOrWhiteSpace(description) || description.Trim().Length > 4000 || affectedLots.Trim().Length > 500)
        {
            throw new DomainException("change.invalid", "Change.Invalid", ProblemKind.Invalid);
        }
        if (effectiveOn < today.AddDays(NoticeDays(category)))
        {
            throw new DomainException("change.notice-too-short", "Change.NoticeTooShort", ProblemKind.Invalid, arguments: [NoticeDays(category)]);
        }
        var notice = new ChangeNotice
        {
            ProductId = productId, Category = category, Description = description.Trim(), AffectedLots = affectedLots.Trim(), EffectiveOn = effectiveOn,
            FiledById = memberId, FiledAt = now, File = document,
        };
        notice._acknowledgements.AddRange(qualifyingBuyers.Distinct().Select(b => new ChangeAcknowledgement(b)));
        return notice;
    }

    public void Acknowledge(int buyerId, Guid memberId, DateTimeOffset now)
    {
        var acknowledgement = _acknowledgements.SingleOrDefault(a => a.BuyerId == buyerId)
            ?? throw new DomainException("change.not-addressed", "Change.NotAddressed", ProblemKind.Forbidden);
        acknowledgement.Acknowledge(memberId, now);
    }
}

/// <summary>One qualifying buyer's acknowledgement of a change notice (pending until acknowledged).</summary>
public sealed class ChangeAcknowledgement
{
    public int Id { get; private set; }
    public int ChangeNoticeId { get; private set; }
    public int BuyerId { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public Guid? AcknowledgedById { get; private set; }

    private ChangeAcknowledgement()
    {
    }

    internal ChangeAcknowledgement(int buyerId) => BuyerId = buyerId;

    internal void Acknowledge(Guid memberId, DateTimeOffset now)
    {
        if (AcknowledgedAt is null)
        {
            (AcknowledgedAt, AcknowledgedById) = (now, memberId);
        }
    }
}
