using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Accounts;

/// <summary>
/// Wrong passwords make the next try wait, longer each time, instead of locking the account: a stranger who types
/// someone's address cannot keep them out (the waits hold for the addresses that failed), and a guesser slows to one
/// try in 15 minutes per address, and to one a minute per account across addresses. It counts by what was
/// typed, never by whether an account exists, so a real and an unknown address answer alike (issue 16).
/// </summary>
public sealed class SignInGuard(AppDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock, IPasswordHasher<AppUser> hasher)
{
    /// <summary>One way of counting: failures free of any wait, the first wait, and the longest.</summary>
    public sealed record Rule(string Kind, int FreeFailures, TimeSpan FirstWait, TimeSpan LongestWait);

    /// <summary>This address on this account; any account from this address (spraying); this account from anywhere.</summary>
    public static readonly Rule AccountFromAddress = new("account-address", 4, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15));
    public static readonly Rule Address = new("address", 30, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1)); // an office shares one

    public static readonly Rule Account = new("account", 10, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1));

    private static readonly Lazy<string> UnknownAccountHash = new(() => new PasswordHasher<AppUser>().HashPassword(null!, Guid.NewGuid().ToString()));

    /// <summary>
    /// How long the next try must wait (the longest that applies), or null when it may go now. The account's own wait
    /// (failures from anywhere) holds only for addresses that have failed on it too: guessers spread over many addresses
    /// are slowed, and the owner signing in from a clean address is not kept out by a stranger.
    /// </summary>
    public async Task<TimeSpan?> WaitAsync(string email, string? address, CancellationToken cancellationToken)
    {
        var keys = Keys(email, address);
        var names = keys.Select(k => k.Key).ToList();
        var now = clock.GetUtcNow();
        var throttles = await db.SignInThrottles.AsNoTracking().Where(t => names.Contains(t.Key)).ToDictionaryAsync(t => t.Key, cancellationToken);
        var failedHere = throttles.TryGetValue(keys[0].Key, out var here) && here.Failures > 0 && now - here.LastFailureAt <= SignInThrottle.QuietReset;
        var longest = keys.Where(k => k.Rule != Account || failedHere)
            .Select(k => throttles.TryGetValue(k.Key, out var t) ? t.BlockedUntil : null).OfType<DateTimeOffset>()
            .DefaultIfEmpty(now).Max();
        return longest > now ? longest - now : null;
    }

    /// <summary>The password check, taking as long for an address with no account as for one with a wrong password.</summary>
    public async Task<bool> CheckPasswordAsync(AppUser? user, string password)
    {
        if (user is null)
        {
            hasher.VerifyHashedPassword(null!, UnknownAccountHash.Value, password);
            return false;
        }
        return await users.CheckPasswordAsync(user, password);
    }

    /// <summary>Counts a wrong password under each rule; a wait that begins is written to the audit log.</summary>
    public async Task FailedAsync(string email, string? address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.LockAsync("sign-in-guard", cancellationToken);
        var keys = Keys(email, address);
        var names = keys.Select(k => k.Key).ToList();
        var existing = await db.SignInThrottles.Where(t => names.Contains(t.Key)).ToDictionaryAsync(t => t.Key, cancellationToken);
        foreach (var (rule, key) in keys)
        {
            if (!existing.TryGetValue(key, out var throttle))
            {
                throttle = new SignInThrottle { Key = key };
                db.SignInThrottles.Add(throttle);
            }
            if (throttle.Fail(rule, now) is { } wait)
            {
                audit.Add(AuditActions.SignInDelayed, $"sign-in:{rule.Kind}",
                    $"{Shown(email)} from {address ?? "?"}: {throttle.Failures} wrong passwords, next try in {wait.TotalSeconds:0} s");
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A right password forgets this account's failures (the address's own count stays).</summary>
    public async Task SucceededAsync(string email, string? address, CancellationToken cancellationToken)
    {
        var forget = Keys(email, address).Where(k => k.Rule != Address).Select(k => k.Key).ToList();
        await db.SignInThrottles.Where(t => forget.Contains(t.Key)).ExecuteDeleteAsync(cancellationToken);
    }

    private static List<(Rule Rule, string Key)> Keys(string email, string? address)
    {
        var account = email.Trim().ToUpperInvariant();
        var from = address ?? "?";
        return [(AccountFromAddress, Hash(AccountFromAddress, $"{account}|{from}")), (Address, Hash(Address, from)), (Account, Hash(Account, account))];
    }

    /// <summary>Keys are hashes: the table never holds the addresses people typed.</summary>
    private static string Hash(Rule rule, string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{rule.Kind}|{value}")));

    private static string Shown(string email) => email.Length > 100 ? email[..100] : email;
}

/// <summary>Wrong passwords counted under one key of <see cref="SignInGuard"/>, and until when the next try must wait.</summary>
public sealed class SignInThrottle
{
    public string Key { get; init; } = "";
    public int Failures { get; private set; }
    public DateTimeOffset LastFailureAt { get; private set; }
    public DateTimeOffset? BlockedUntil { get; private set; }

    /// <summary>An hour without a failure starts the count afresh.</summary>
    public static readonly TimeSpan QuietReset = TimeSpan.FromHours(1);

    /// <summary>Counts one failure; returns the wait when one begins now.</summary>
    public TimeSpan? Fail(SignInGuard.Rule rule, DateTimeOffset now)
    {
        Failures = now - LastFailureAt > QuietReset ? 1 : Failures + 1;
        LastFailureAt = now;
        if (Failures <= rule.FreeFailures)
        {
            return null;
        }
        var doublings = Math.Min(Failures - rule.FreeFailures - 1, 20);
        var wait = TimeSpan.FromTicks(Math.Min(rule.FirstWait.Ticks << doublings, rule.LongestWait.Ticks));
        BlockedUntil = now + wait;
        return wait;
    }
}

public sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> builder)
    {
        builder.ToTable("SignInThrottles");
        builder.HasKey(t => t.Key);
        builder.Property(t => t.Key).HasMaxLength(64);
    }
}
