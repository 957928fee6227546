using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Mirae.Web.Data;

namespace Mirae.Web.Infrastructure;

/// <summary>
/// A rule that counts or excludes ("at most 20 documents", "one file in this slot", "no overlapping bookings") reads and
/// writes inside one of these, so parallel requests meet one at a time and the second sees what the first wrote.
/// On PostgreSQL it is a transaction holding an advisory lock named by the rule and what it guards (waits, never fails);
/// on SQLite every write transaction starts with <c>BEGIN IMMEDIATE</c>, which already admits one writer at a time.
/// Start it before loading what the rule counts; commit it after saving.
/// </summary>
public static class Exclusive
{
    public static async Task<IDbContextTransaction> LockAsync(this AppDbContext db, string name, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({name}, 0))", cancellationToken);
        }
        return transaction;
    }

    /// <summary>Takes one more named lock inside the transaction <see cref="LockAsync"/> began (one rule guarding two things).</summary>
    public static async Task AlsoLockAsync(this AppDbContext db, string name, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({name}, 0))", cancellationToken);
        }
    }
}
