using Microsoft.EntityFrameworkCore;

namespace Mirae.Web.Infrastructure;

/// <summary>
/// Two requests that both passed a rule's check before either wrote ("only once") meet at the database's unique index or
/// concurrency token; the one that loses is told so (409, or a message on the page), never a 500.
/// </summary>
public static class Races
{
    public static bool IsLostRace(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } } => true, // SQLITE_CONSTRAINT
        DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: "23505" } } => true, // unique_violation
        _ => false,
    };

    /// <summary>The broken rule a lost race stands for: the record changed, or already exists, meanwhile.</summary>
    public static DomainException AsConflict() => new("conflict", "Problem.Conflict", ProblemKind.Conflict);
}
