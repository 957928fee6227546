using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>
/// A pre-consultation session (사전 상담회) on one item: a place or video link and back-to-back meeting slots. In each
/// slot one buyer meets one supplier; each books its side. Staff record each meeting's outcome.
/// </summary>
public sealed class ConsultationSession
{
    public const int MaxSlots = 40;

    public int Id { get; private set; }
    public int MaterialId { get; private set; }
    public string Title { get; private set; } = "";
    public string Place { get; private set; } = "";
    public string? VideoLink { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public int SlotMinutes { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private readonly List<ConsultationSlot> _slots = [];
    public IReadOnlyList<ConsultationSlot> Slots => _slots;

    private ConsultationSession()
    {
    }

    public static ConsultationSession Schedule(int materialId, string title, string place, string? videoLink, DateTimeOffset startsAt, int slotMinutes, int slots,
        DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 200 || place.Trim().Length > 200 || (string.IsNullOrWhiteSpace(place) && string.IsNullOrWhiteSpace(videoLink))
            || slotMinutes is < 10 or > 240 || slots is < 1 or > MaxSlots
            || (videoLink is { Length: > 0 } && (!Uri.TryCreate(videoLink, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || videoLink.Length > 500)))
        {
            throw new DomainException("session.invalid", "Session.Invalid", ProblemKind.Invalid);
        }
        if (startsAt <= now)
        {
            throw new DomainException("session.in-past", "Session.InPast", ProblemKind.Invalid);
        }
        var session = new ConsultationSession
        {
            MaterialId = materialId, Title = title.Trim(), Place = place.Trim(), VideoLink = string.IsNullOrWhiteSpace(videoLink) ? null : videoLink.Trim(),
            StartsAt = startsAt.ToUniversalTime(), SlotMinutes = slotMinutes, CreatedAt = now,
        };
        session._slots.AddRange(Enumerable.Range(0, slots).Select(i => new ConsultationSlot(i + 1, session.StartsAt.AddMinutes(i * slotMinutes), slotMinutes)));
        return session;
    }
}

/// <summary>One meeting of a session: when, the buyer and the supplier that booked it, and its recorded outcome.</summary>
public sealed class ConsultationSlot
{
    public int Id { get; private set; }
    public int SessionId { get; private set; }
    public int Number { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public int? BuyerId { get; private set; }
    public int? SupplierId { get; private set; }
    public string? Outcome { get; private set; }
    /// <summary>Changes with every booking, so two bookings of the same side at once cannot both win.</summary>
    public int Version { get; private set; }

    private ConsultationSlot()
    {
    }

    internal ConsultationSlot(int number, DateTimeOffset startsAt, int minutes) => (Number, StartsAt, EndsAt) = (number, startsAt, startsAt.AddMinutes(minutes));

    /// <summary>Books this slot's buyer or supplier side; a taken side is refused (the caller refuses overlapping bookings).</summary>
    public void Book(int organizationId, bool asBuyer, DateTimeOffset now)
    {
        if (now >= StartsAt)
        {
            throw new DomainException("slot.past", "Slot.Past");
        }
        if ((asBuyer ? BuyerId : SupplierId) is not null)
        {
            throw new DomainException("slot.taken", "Slot.Taken");
        }
        if (asBuyer)
        {
            BuyerId = organizationId;
        }
        else
        {
            SupplierId = organizationId;
        }
        Version++;
    }

    public void Cancel(int organizationId, DateTimeOffset now)
    {
        if (now >= StartsAt)
        {
            throw new DomainException("slot.past", "Slot.Past");
        }
        if (BuyerId == organizationId)
        {
            BuyerId = null;
        }
        if (SupplierId == organizationId)
        {
            SupplierId = null;
        }
        Version++;
    }

    public void RecordOutcome(string outcome)
    {
        if (string.IsNullOrWhiteSpace(outcome) || outcome.Trim().Length > 2000)
        {
            throw new DomainException("slot.outcome-invalid", "Slot.OutcomeInvalid", ProblemKind.Invalid);
        }
        Outcome = outcome.Trim();
    }

    public bool Overlaps(DateTimeOffset startsAt, DateTimeOffset endsAt) => StartsAt < endsAt && startsAt < EndsAt;
}
