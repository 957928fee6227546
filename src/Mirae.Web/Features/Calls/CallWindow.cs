using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Calls;

/// <summary>Where a call stands for the public: before its window, open, or past (closed by staff or by the deadline).</summary>
public enum CallPhase
{
    Upcoming,
    Open,
    Ended,
}

/// <summary>
/// The one definition of a call's window: it opens at <c>OpensAt</c> and its deadline <c>ClosesAt</c> is the first
/// instant that is too late (18:00 accepts 17:59:59). <see cref="InPhase"/> says the same for a database query; a unit
/// test holds the two together.
/// </summary>
public static class CallWindow
{
    public static CallPhase PhaseOf(CallStatus status, DateTimeOffset opensAt, DateTimeOffset closesAt, DateTimeOffset now) =>
        status == CallStatus.Closed || closesAt <= now ? CallPhase.Ended : opensAt > now ? CallPhase.Upcoming : CallPhase.Open;

    /// <summary>Published and within its window: members may apply.</summary>
    public static bool IsOpen(CallStatus status, CallPhase phase) => status == CallStatus.Published && phase == CallPhase.Open;

    public static bool IsOpen(CallStatus status, DateTimeOffset opensAt, DateTimeOffset closesAt, DateTimeOffset now) =>
        IsOpen(status, PhaseOf(status, opensAt, closesAt, now));

    /// <summary>The published or closed calls in <paramref name="phase"/> at <paramref name="now"/>, as SQL the database runs.</summary>
    public static IQueryable<Call> InPhase(this IQueryable<Call> calls, CallPhase phase, DateTimeOffset now) => phase switch
    {
        CallPhase.Upcoming => calls.Where(c => c.Status == CallStatus.Published && c.OpensAt > now),
        CallPhase.Open => calls.Where(c => c.Status == CallStatus.Published && c.OpensAt <= now && c.ClosesAt > now),
        _ => calls.Where(c => c.Status == CallStatus.Closed || (c.Status == CallStatus.Published && c.ClosesAt <= now)),
    };

    /// <summary>Calendar days (KST) until the deadline's day, the "D-n" of Korean notices: 0 on the last day; null once ended.</summary>
    public static int? DaysLeft(CallStatus status, DateTimeOffset closesAt, DateTimeOffset now)
    {
        if (status == CallStatus.Closed || closesAt <= now)
        {
            return null;
        }
        // A deadline at 00:00 KST is the end of the day before.
        var lastDay = DateOnly.FromDateTime(closesAt.ToKst().AddTicks(-1).DateTime);
        return lastDay.DayNumber - DateOnly.FromDateTime(now.ToKst().DateTime).DayNumber;
    }
}
