using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Mirae.Web.Infrastructure;

public sealed class RateLimitingOptions
{
    /// <summary>Sign-in attempts (POST) allowed per client address per window.</summary>
    public int SignInPermitLimit { get; set; } = 10;
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests per client address per minute to the public calculators (the selection solver).</summary>
    public int CalculatorPermitLimit { get; set; } = 30;
}

/// <summary>
/// Limits sign-in attempts per client address (besides the per-account lock-out of Identity), and the public
/// calculators, which anyone may call and which cost real work, per client address (endpoints opt in with <see cref="Calculator"/>).
/// </summary>
public static class RateLimiting
{
    /// <summary>The sign-in page's policy: its POSTs, per client address, whatever path reached it (endpoint, not string).</summary>
    public const string SignIn = "sign-in";
    public const string Calculator = "calculator";

    public static IServiceCollection AddMiraeRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("RateLimiting").Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignIn, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("sign-in:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInPermitLimit, Window = options.SignInWindow, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(""));
            limiter.AddPolicy(Calculator, context => RateLimitPartition.GetFixedWindowLimiter(
                "calculator:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.CalculatorPermitLimit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = (context, _) =>
            {
                var window = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == SignIn
                    ? options.SignInWindow
                    : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }
}
