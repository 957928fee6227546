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
    public void Phase_InMemoryAndInTheQuery_AgreeAtEveryEdgeOfTheWindow()
    {
        var draft = Call.Draft(SupportProgram.Create(ProgramKind.Localization, "시험", "Test", "", "", Deadline.AddMonths(-2)),
            ProgramData.Terms(Deadline.AddDays(-30), Deadline), Deadline.AddMonths(-1));
        var published = Published();
        var closed = Published();
        closed.Close(Deadline.AddDays(-5));
        var instants = new[] { -31, -30, -29, -5, -1, 0, 1 }.Select(d => Deadline.AddDays(d)).Append(Deadline.AddSeconds(-1)).Append(Deadline.AddDays(-30).AddSeconds(-1));

        foreach (var now in instants)
        {
            foreach (var call in new[] { draft, published, closed })
            {
                var phase = CallWindow.PhaseOf(call.Status, call.OpensAt, call.ClosesAt, now);
                var queried = Enum.GetValues<CallPhase>().Where(p => new[] { call }.AsQueryable().InPhase(p, now).Any()).ToList();

                // A draft is in no phase of the public board; every other call is in exactly the phase it reports.
                Assert.Equal(call.Status == CallStatus.Draft ? [] : [phase], queried);
                Assert.Equal(call.IsOpen(now), call.Status == CallStatus.Published && phase == CallPhase.Open);
            }
        }
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
        Assert.Equal(expected, CallWindow.DaysLeft(CallStatus.Published, Deadline, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void DaysLeft_OfAMidnightDeadline_IsTheDayBefore_AndNoneOnceEnded()
    {
        var midnight = new DateTimeOffset(2030, 4, 1, 0, 0, 0, TimeSpan.FromHours(9));

        Assert.Equal(0, CallWindow.DaysLeft(CallStatus.Published, midnight, midnight.AddHours(-1)));
        Assert.Null(CallWindow.DaysLeft(CallStatus.Published, midnight, midnight));
        Assert.Null(CallWindow.DaysLeft(CallStatus.Closed, midnight, midnight.AddDays(-3)));
    }

    [Fact]
    public void Terms_BreakingRules_AreAllReported()
    {
        var terms = ProgramData.Terms(Deadline, Deadline.AddDays(-1), budget: 100.5m, cap: 1_000m) with { Rubric = [new Criterion("기술성", "Tech", 50, 10)] };

        var errors = Call.Check(terms).Select(e => e.MessageKey).ToList();

        Assert.Equal(["Call.WindowInvalid", "Call.AmountInvalid", "Call.CapInvalid", "Call.RubricInvalid"], errors);
    }
}
