using System.Globalization;

namespace Mirae.Web.Infrastructure;

/// <summary>Korea Standard Time (UTC+9, no daylight saving): every date a user reads or a deadline is in KST.</summary>
public static class Kst
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateTimeOffset ToKst(this DateTimeOffset instant) => instant.ToOffset(Offset);

    public static string Date(DateTimeOffset instant) => instant.ToKst().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset instant) => instant.ToKst().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>To the second, for records (the audit log).</summary>
    public static string DateTimeSeconds(DateTimeOffset instant) => instant.ToKst().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The instant a Korean calendar day begins (00:00 KST).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    public static string DateTimeIso(DateTimeOffset instant) => instant.ToKst().ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
}
