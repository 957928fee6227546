using Mirae.Web.Features.Applications;
using Mirae.Web.Features.Calls;
using Mirae.Web.Infrastructure;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Unit.Calls;

public sealed class CallTests
{
    private static readonly DateTimeOffset Deadline = new(2030, 3, 31, 18, 0, 0, TimeSpan.FromHours(9));

    private static Call Published()
    {
        var program = SupportProgram.Create(ProgramKind.Localization, "시험", "Test", "", "", Deadline.AddMonths(-2));
        var call = Call.Draft(program, ProgramData.Terms(Deadline.AddDays(-30), Deadline), Deadline.AddMonths(-1));
        call.Publish(Deadline.AddMonths(-1));
        return call;
    }

    [Fact]
    public void IsOpen_TheLastSecondBeforeTheDeadline_ButNotTheDeadlineItself()
    {
        var call = Published();

        Assert.True(call.IsOpen(Deadline.AddSeconds(-1)));
        Assert.False(call.IsOpen(Deadline));
        Assert.False(call.IsOpen(Deadline.AddSeconds(1)));
        Assert.False(call.IsOpen(Deadline.AddDays(-30).AddSeconds(-1)));
        Assert.True(call.IsOpen(Deadline.AddDays(-30)));
    }

    [Fact]
    public void IsOpen_NeverOnceClosed_WhateverTheWindowSays()
    {
        var call = Published();

        call.Close(Deadline.AddDays(-5));

        Assert.False(call.IsOpen(Deadline.AddDays(-4)));
        Assert.Equal("call.not-published", Assert.Throws<DomainException>(() => call.Extend(Deadline.AddDays(7), "사유", Guid.NewGuid(), Deadline.AddDays(-4))).Code);
    }

    [Theory]
    [InlineData("2030-03-31T17:59:59+09:00", 0)]
    [InlineData("2030-03-31T00:00:00+09:00", 0)]
    [InlineData("2030-03-30T23:59:59+09:00", 1)]
    [InlineData("2030-03-24T10:00:00+09:00", 7)]
    [InlineData("2030-03-30T15:30:00+00:00", 0)] // 00:30 KST on the 31st
    public void DaysLeft_CountsKstCalendarDaysToTheDeadlinesDay(string now, int expected) =>
        Assert.Equal(expected, ListCalls.DaysLeft(CallStatus.Published, Deadline, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void DaysLeft_OfAMidnightDeadline_IsTheDayBefore_AndNoneOnceEnded()
    {
        var midnight = new DateTimeOffset(2030, 4, 1, 0, 0, 0, TimeSpan.FromHours(9));

        Assert.Equal(0, ListCalls.DaysLeft(CallStatus.Published, midnight, midnight.AddHours(-1)));
        Assert.Null(ListCalls.DaysLeft(CallStatus.Published, midnight, midnight));
        Assert.Null(ListCalls.DaysLeft(CallStatus.Closed, midnight, midnight.AddDays(-3)));
    }

    [Fact]
    public void Terms_BreakingRules_AreAllReported()
    {
        var terms = ProgramData.Terms(Deadline, Deadline.AddDays(-1), budget: 100.5m, cap: 1_000m) with { Rubric = [new Criterion("기술성", "Tech", 50, 10)] };

        var errors = Call.Check(terms).Select(e => e.MessageKey).ToList();

        Assert.Equal(["Call.WindowInvalid", "Call.AmountInvalid", "Call.CapInvalid", "Call.RubricInvalid"], errors);
    }
}
