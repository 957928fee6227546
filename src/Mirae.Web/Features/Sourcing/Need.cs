using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

public enum NeedVisibility
{
    /// <summary>Anyone sees the need and its matches (matches show only public directory data).</summary>
    Public,
    /// <summary>Only the buyer, the invited suppliers and program staff see it.</summary>
    Invited,
}

public enum NeedStatus
{
    Open,
    Closed,
}

/// <summary>
/// A required specification: the product's value for <see cref="Key"/> must equal <see cref="Text"/> (ignoring case),
/// or as a number lie within <see cref="Min"/>–<see cref="Max"/>. A hard requirement filters products out; a soft one ranks.
/// </summary>
public sealed record SpecRequirement(string Key, string? Text, decimal? Min, decimal? Max, bool Hard);

/// <summary>
/// A buyer's need for a material (수요): the specification it must meet, the certificates it must hold valid, the
/// volume and timeline, and who may see it. Matching ranks the directory's products against it.
/// </summary>
public sealed class Need
{
    public const int MaxRequirements = 20;
    public const int MaxCertificates = 10;
    public const int MaxInvited = 50;

    public int Id { get; private set; }
    public int BuyerId { get; private set; }
    public int MaterialId { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public IReadOnlyList<SpecRequirement> Requirements { get; private set; } = [];
    public IReadOnlyList<string> RequiredCertificates { get; private set; } = [];
    public string AnnualVolume { get; private set; } = "";
    public DateOnly? NeededBy { get; private set; }
    public NeedVisibility Visibility { get; private set; }
    private readonly List<NeedInvitation> _invitations = [];
    /// <summary>The suppliers (business numbers) invited to an invited-only need.</summary>
    public IReadOnlyList<NeedInvitation> Invitations => _invitations;
    public NeedStatus Status { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private Need()
    {
    }

    public sealed record Terms(int MaterialId, string Title, string Description, IReadOnlyList<SpecRequirement> Requirements, IReadOnlyList<string> RequiredCertificates,
        string AnnualVolume, DateOnly? NeededBy, NeedVisibility Visibility, IReadOnlyList<string> Invited);

    public static Need Post(int buyerId, Terms terms, Guid memberId, DateTimeOffset now)
    {
        var need = new Need { BuyerId = buyerId, CreatedById = memberId, CreatedAt = now, Status = NeedStatus.Open };
        need.Change(terms, now);
        return need;
    }

    public void Change(Terms terms, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(terms.Title) || terms.Title.Trim().Length > 200 || terms.Description.Length > 4000 || terms.AnnualVolume.Trim().Length > 100
            || terms.Requirements.Count > MaxRequirements || terms.RequiredCertificates.Count > MaxCertificates || terms.Invited.Count > MaxInvited
            || terms.Requirements.Any(r => string.IsNullOrWhiteSpace(r.Key) || r.Key.Length > 50 || r.Text?.Length > 200
                || (r.Text is null && r.Min is null && r.Max is null) || r.Min > r.Max))
        {
            throw new DomainException("need.invalid", "Need.Invalid", ProblemKind.Invalid);
        }
        if (terms.Visibility == NeedVisibility.Invited && terms.Invited.Count == 0)
        {
            throw new DomainException("need.no-invited", "Need.NoInvited", ProblemKind.Invalid);
        }
        (MaterialId, Title, Description, AnnualVolume, NeededBy) = (terms.MaterialId, terms.Title.Trim(), terms.Description.Trim(), terms.AnnualVolume.Trim(), terms.NeededBy);
        (Requirements, RequiredCertificates, Visibility) = (terms.Requirements.ToList(), terms.RequiredCertificates.Distinct().ToList(), terms.Visibility);
        var invited = terms.Visibility == NeedVisibility.Invited ? terms.Invited.Distinct().ToHashSet() : [];
        _invitations.RemoveAll(i => !invited.Contains(i.BusinessNumber));
        _invitations.AddRange(invited.Where(b => _invitations.All(i => i.BusinessNumber != b)).Select(b => new NeedInvitation(b)));
        UpdatedAt = now;
    }

    public void Close(DateTimeOffset now) => (Status, UpdatedAt) = (NeedStatus.Closed, now);
}

/// <summary>A supplier invited to see an invited-only need.</summary>
public sealed class NeedInvitation
{
    public int Id { get; private set; }
    public int NeedId { get; private set; }
    public string BusinessNumber { get; private set; } = "";

    private NeedInvitation()
    {
    }

    internal NeedInvitation(string businessNumber) => BusinessNumber = businessNumber;
}

/// <summary>A supplier's interest in a need (참여 의향), with its message to the buyer; one per supplier and need.</summary>
public sealed class NeedInterest
{
    public const int MaxMessage = 2000;

    public int Id { get; private set; }
    public int NeedId { get; private set; }
    public int SupplierId { get; private set; }
    public string Message { get; private set; } = "";
    public Guid MemberId { get; private set; }
    public DateTimeOffset At { get; private set; }

    private NeedInterest()
    {
    }

    public static NeedInterest Express(int needId, int supplierId, string message, Guid memberId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(message) || message.Trim().Length > MaxMessage)
        {
            throw new DomainException("interest.message-required", "Interest.MessageRequired", ProblemKind.Invalid);
        }
        return new NeedInterest { NeedId = needId, SupplierId = supplierId, Message = message.Trim(), MemberId = memberId, At = now };
    }
}
