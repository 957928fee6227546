using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Mirae.Web.Data;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Directory;

/// <summary>The daily job through the real scheduler, on a clock the test moves.</summary>
public sealed class CertificateExpiryTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    // 05:00 KST on 22 November 2026: the job's first run is at 06:00 KST the same day.
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 5, 0, 0, Kst.Offset);
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static async Task<MiraeFactory> StartAsync(DatabaseProvider provider, FixedClock clock)
    {
        var factory = new MiraeFactory(await TestDatabase.CreateAsync(provider), new Dictionary<string, string?> { ["Seed:Demo"] = "false" }, clock: clock);
        factory.StartServer();
        return factory;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task DailyJob_TellsTheOwningMembersOnceAboutCertificatesExpiringWithin30Days(DatabaseProvider provider)
    {
        var clock = new FixedClock(Start);
        await using var factory = await StartAsync(provider, clock);
        var owner = await DirectoryData.AddOrganizationAsync(factory);
        var product = await DirectoryData.AddProductAsync(factory, owner.Id, "만료 임박 필터",
            ("ISO13485", Today.AddYears(-3), Today.AddDays(30)), ("KGMP", Today.AddYears(-1), Today.AddDays(31)), ("USP665", Today.AddYears(-2), Today.AddDays(-1)));
        var unowned = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤무주(주)");
        await DirectoryData.AddProductAsync(factory, unowned.Id, certificates: ("ISO9001", Today.AddYears(-1), Today.AddDays(3)));
        var first = await Members.RegisterAsync(factory, kind: Mirae.Web.Features.Accounts.MemberKind.CompanyMember);
        var second = await Members.RegisterAsync(factory, kind: Mirae.Web.Features.Accounts.MemberKind.CompanyMember);
        var pending = await Members.RegisterAsync(factory, kind: Mirae.Web.Features.Accounts.MemberKind.CompanyMember);
        await DirectoryData.LinkAsync(factory, first.Id, owner.Id);
        await DirectoryData.LinkAsync(factory, second.Id, owner.Id);
        await DirectoryData.LinkAsync(factory, pending.Id, owner.Id, approved: false);
        var scheduler = factory.Services.GetRequiredService<JobScheduler>();

        var registered = OnlyThisJob(await scheduler.RunDueAsync());
        clock.Now = Start.AddMinutes(59);
        var early = OnlyThisJob(await scheduler.RunDueAsync());
        clock.Now = Start.AddHours(1);
        var due = OnlyThisJob(await scheduler.RunDueAsync());
        clock.Now = Start.AddDays(1).AddHours(1);
        var nextDay = OnlyThisJob(await scheduler.RunDueAsync());
        await using var db = factory.CreateDbContext();
        var notifications = await db.Notifications.AsNoTracking().ToListAsync();
        var state = await db.ScheduledJobs.AsNoTracking().SingleAsync(j => j.Name == FlagExpiringCertificates.JobName);

        Assert.Empty(registered);
        Assert.Empty(early);
        Assert.Equal([FlagExpiringCertificates.JobName], due);
        Assert.Equal([FlagExpiringCertificates.JobName], nextDay);
        // Day 1: ISO13485 (30 days) to both approved members; day 2 adds KGMP (now 30 days) to both; ISO13485 is not repeated.
        Assert.Equal(4, notifications.Count);
        Assert.Equal(2, notifications.Count(n => n.Arguments[1] == "ISO13485"));
        Assert.Equal(2, notifications.Count(n => n.Arguments[1] == "KGMP"));
        Assert.All(notifications, n => Assert.Contains(n.RecipientId, new[] { first.Id, second.Id }));
        Assert.All(notifications, n => Assert.Equal($"/directory/products/{product}/edit", n.Link));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 6, 0, 0, Kst.Offset), state.NextRunAt);
        Assert.Null(state.LeaseOwner);
        // Three expire by then (one of an organization without members), two new notifications.
        Assert.StartsWith("3 certificates expire by 2026-12-23; 2 notifications added", state.LastResult);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task RacingInstances_RunADueJobExactlyOnce(DatabaseProvider provider)
    {
        var clock = new FixedClock(Start);
        await using var factory = await StartAsync(provider, clock);
        var scopes = factory.Services.GetRequiredService<IServiceScopeFactory>();
        var jobs = factory.Services.GetServices<ScheduledJobDefinition>().ToList();
        var instances = Enumerable.Range(0, 6)
            .Select(_ => new JobScheduler(scopes, clock, jobs, Options.Create(new SchedulerOptions()), NullLogger<JobScheduler>.Instance)).ToList();
        await instances[0].RunDueAsync();
        clock.Now = Start.AddHours(2);

        var runs = await Task.WhenAll(instances.Select(i => Task.Run(() => i.RunDueAsync())));

        Assert.Equal(1, runs.Sum(r => r.Count(name => name == FlagExpiringCertificates.JobName)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ExpiredLease_OfACrashedInstance_IsTakenOverAfterItEnds(DatabaseProvider provider)
    {
        var clock = new FixedClock(Start);
        await using var factory = await StartAsync(provider, clock);
        var scheduler = factory.Services.GetRequiredService<JobScheduler>();
        await scheduler.RunDueAsync();
        clock.Now = Start.AddHours(2);
        await using (var db = factory.CreateDbContext())
        {
            // An instance claimed the run and died: its lease stays until it expires.
            await db.ScheduledJobs.ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, "crashed").SetProperty(j => j.LeaseUntil, clock.Now.AddMinutes(30).ToUniversalTime()));
        }

        var whileLeased = OnlyThisJob(await scheduler.RunDueAsync());
        clock.Now = clock.Now.AddMinutes(31);
        var afterLease = OnlyThisJob(await scheduler.RunDueAsync());

        Assert.Empty(whileLeased);
        Assert.Equal([FlagExpiringCertificates.JobName], afterLease);
    }

    /// <summary>The runs of the expiry job among those the scheduler started (other features have their own jobs).</summary>
    private static List<string> OnlyThisJob(IReadOnlyList<string> ran) => ran.Where(name => name == FlagExpiringCertificates.JobName).ToList();
}
