using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Mirae.Web.Data;

namespace Mirae.Web.Infrastructure;

/// <summary>Background work that runs on a schedule (expiry alerts, reminders, anchoring).</summary>
public interface IScheduledJob
{
    /// <summary>Does one run's work and returns a one-line summary for the job's status.</summary>
    Task<string> RunAsync(CancellationToken cancellationToken);
}

/// <summary>A job's name (its key in the database), its handler and when it runs next after a given instant.</summary>
public sealed record ScheduledJobDefinition(string Name, Type Handler, Func<DateTimeOffset, DateTimeOffset> NextAfter);

public static class Schedules
{
    /// <summary>Every <paramref name="interval"/> after the previous run (the scheduler polls every <c>Scheduler:PollInterval</c>).</summary>
    public static Func<DateTimeOffset, DateTimeOffset> Every(TimeSpan interval) => after => after + interval;

    /// <summary>Every day at <paramref name="hour"/>:<paramref name="minute"/> KST (returned in UTC, as the database stores instants).</summary>
    public static Func<DateTimeOffset, DateTimeOffset> DailyAtKst(int hour, int minute) => after =>
    {
        var kst = after.ToKst();
        var today = new DateTimeOffset(kst.Year, kst.Month, kst.Day, hour, minute, 0, Kst.Offset);
        return (today > kst ? today : today.AddDays(1)).ToUniversalTime();
    };
}

/// <summary>The database row of a job: when it is due, and who holds it while it runs.</summary>
public sealed class ScheduledJobState
{
    public string Name { get; private set; } = "";
    public DateTimeOffset NextRunAt { get; private set; }
    public string? LeaseOwner { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }
    public DateTimeOffset? LastStartedAt { get; private set; }
    public DateTimeOffset? LastFinishedAt { get; private set; }
    public string? LastResult { get; private set; }

    private ScheduledJobState()
    {
    }

    public static ScheduledJobState Create(string name, DateTimeOffset nextRunAt) => new() { Name = name, NextRunAt = nextRunAt };
}

public sealed class ScheduledJobStateConfiguration : IEntityTypeConfiguration<ScheduledJobState>
{
    public void Configure(EntityTypeBuilder<ScheduledJobState> builder)
    {
        builder.HasKey(j => j.Name);
        builder.Property(j => j.Name).HasMaxLength(100);
        builder.Property(j => j.LeaseOwner).HasMaxLength(100);
        builder.Property(j => j.LastResult).HasMaxLength(500);
    }
}

public sealed class SchedulerOptions
{
    /// <summary>Runs due jobs in the background; tests turn it off and call <see cref="JobScheduler.RunDueAsync"/> themselves.</summary>
    public bool Enabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long a claimed run blocks other instances; a crashed instance's run is retried after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>
/// Runs due jobs, at most once per due time across every instance that shares the database: an instance
/// claims a run with one conditional UPDATE (due, and no live lease), so exactly one of racing instances
/// wins on SQLite and on PostgreSQL alike (ADR 007).
/// </summary>
public sealed partial class JobScheduler(IServiceScopeFactory scopes, TimeProvider clock, IEnumerable<ScheduledJobDefinition> jobs,
    IOptions<SchedulerOptions> options, ILogger<JobScheduler> logger)
{
    public string Instance { get; } = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>Runs every job that is due now and returns the names of those this instance ran.</summary>
    public async Task<IReadOnlyList<string>> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var ran = new List<string>();
        foreach (var job in jobs)
        {
            if (await TryClaimAsync(job, cancellationToken) is { } startedAt)
            {
                await RunAsync(job, startedAt, cancellationToken);
                ran.Add(job.Name);
            }
        }
        return ran;
    }

    private async Task<DateTimeOffset?> TryClaimAsync(ScheduledJobDefinition job, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        if (!await db.ScheduledJobs.AnyAsync(j => j.Name == job.Name, cancellationToken))
        {
            // First sight of a job: schedule it, do not run it now (a new instance must not fire every job at start-up).
            db.ScheduledJobs.Add(ScheduledJobState.Create(job.Name, job.NextAfter(now)));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance registered it at the same moment; its row is as good as ours.
            }
            return null;
        }
        var leaseUntil = now + options.Value.Lease;
        var claimed = await db.ScheduledJobs
            .Where(j => j.Name == job.Name && j.NextRunAt <= now && (j.LeaseUntil == null || j.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, Instance).SetProperty(j => j.LeaseUntil, leaseUntil)
                .SetProperty(j => j.LastStartedAt, now), cancellationToken);
        return claimed == 1 ? now : null;
    }

    private async Task RunAsync(ScheduledJobDefinition job, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        string result;
        try
        {
            using var scope = scopes.CreateScope();
            result = await ((IScheduledJob)scope.ServiceProvider.GetRequiredService(job.Handler)).RunAsync(cancellationToken);
            LogRan(logger, job.Name, result);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next scheduled run retries; the failure stays visible in the job's status and the log.
            LogFailed(logger, e, job.Name);
            result = "failed: " + e.Message;
        }
        using var done = scopes.CreateScope();
        var db = done.ServiceProvider.GetRequiredService<AppDbContext>();
        var finishedAt = clock.GetUtcNow();
        var next = job.NextAfter(startedAt > finishedAt ? startedAt : finishedAt);
        var summary = result.Length <= 500 ? result : result[..500];
        await db.ScheduledJobs.Where(j => j.Name == job.Name && j.LeaseOwner == Instance)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.NextRunAt, next).SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null).SetProperty(j => j.LastFinishedAt, finishedAt)
                .SetProperty(j => j.LastResult, summary), CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} ran: {Result}")]
    private static partial void LogRan(ILogger logger, string job, string result);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job);
}

/// <summary>Polls <see cref="JobScheduler"/> while the host runs.</summary>
public sealed partial class SchedulerService(JobScheduler scheduler, TimeProvider clock, IOptions<SchedulerOptions> options, ILogger<SchedulerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                await scheduler.RunDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database outage must not end the loop; the next tick tries again.
                LogPollFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduler poll failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}

public static class SchedulingModule
{
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SchedulerOptions>(configuration.GetSection("Scheduler"));
        services.AddSingleton<JobScheduler>();
        services.AddHostedService<SchedulerService>();
        return services;
    }

    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services, string name, Func<DateTimeOffset, DateTimeOffset> nextAfter)
        where TJob : class, IScheduledJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new ScheduledJobDefinition(name, typeof(TJob), nextAfter));
        return services;
    }
}
