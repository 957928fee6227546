using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Health;

public static class HealthApi
{
    public sealed record DatabaseHealth(string Provider, bool CanConnect, int AppliedMigrations, int PendingMigrations);
    public sealed record HealthReport(string Status, DatabaseHealth Database, DateTimeOffset CheckedAt);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", CheckAsync).WithTags("Health").WithName("Health").AllowAnonymous();
        return app;
    }

    /// <summary>200 when the database answers and is fully migrated; 503 otherwise (for load balancers).</summary>
    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> CheckAsync(
        AppDbContext db, IOptions<DatabaseOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        DatabaseHealth database;
        try
        {
            var canConnect = await db.Database.CanConnectAsync(cancellationToken);
            var applied = canConnect ? (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Count() : 0;
            var pending = canConnect ? (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count() : 0;
            database = new DatabaseHealth(options.Value.Provider.ToString(), canConnect, applied, pending);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            database = new DatabaseHealth(options.Value.Provider.ToString(), false, 0, 0);
        }

        var healthy = database.CanConnect && database.PendingMigrations == 0;
        var report = new HealthReport(healthy ? "Healthy" : "Unhealthy", database, clock.GetUtcNow());
        return healthy ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
