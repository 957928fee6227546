using Mirae.Web.Infrastructure;

namespace Mirae.Web.Tests.Unit.Infrastructure;

public sealed class SchedulesTests
{
    [Theory]
    [InlineData("2026-11-22T05:59:59+09:00", "2026-11-22T06:00:00+09:00")]
    [InlineData("2026-11-22T06:00:00+09:00", "2026-11-23T06:00:00+09:00")]
    [InlineData("2026-11-21T21:30:00+00:00", "2026-11-23T06:00:00+09:00")] // 06:30 KST on the 22nd
    [InlineData("2026-12-31T22:00:00+00:00", "2027-01-02T06:00:00+09:00")] // 07:00 KST on 1 January
    public void DailyAtKst_IsTheNextSixOClockInKorea(string after, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Schedules.DailyAtKst(6, 0)(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture)));
}
