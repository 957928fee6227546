namespace Mirae.Web.Tests.Infrastructure;

/// <summary>A clock that stands still at the given instant until a test moves it, for rules about dates (expiry, deadlines, schedules).</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
