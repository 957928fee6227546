namespace Mirae.Web.Features.Accounts;

/// <summary>One consent item shown at sign-up: required ones must be given, optional ones may be refused.</summary>
public sealed record ConsentItem(string Kind, string Version, bool Required);

public static class ConsentItems
{
    public static readonly ConsentItem Terms = new("terms", "2026-11-01", Required: true);
    public static readonly ConsentItem PrivacyRequired = new("privacy-required", "2026-11-01", Required: true);
    public static readonly ConsentItem Age14 = new("age-14", "2026-11-01", Required: true);
    public static readonly ConsentItem EmailNews = new("email-news", "2026-11-01", Required: false);

    public static readonly IReadOnlyList<ConsentItem> All = [Terms, PrivacyRequired, Age14, EmailNews];
}

/// <summary>What a member said to one consent item, with its version and time (PIPA: records of consent).</summary>
public sealed class ConsentRecord
{
    public long Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Kind { get; private set; } = "";
    public string Version { get; private set; } = "";
    public bool Granted { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    private ConsentRecord()
    {
    }

    public static ConsentRecord For(Guid userId, ConsentItem item, bool granted, DateTimeOffset now) =>
        new() { UserId = userId, Kind = item.Kind, Version = item.Version, Granted = granted, RecordedAt = now };
}
