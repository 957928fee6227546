namespace Mirae.Web.Tests.Infrastructure;

/// <summary>A clock that stands still at the given instant, for rules about dates (expiry, deadlines).</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
