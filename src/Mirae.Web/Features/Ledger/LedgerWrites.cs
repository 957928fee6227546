using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Npgsql;
using NpgsqlTypes;

namespace Mirae.Web.Features.Ledger;

/// <summary>
/// The sequencer's two writes, set-based (the benchmark's append rate depends on them): numbering a batch of entries is one
/// UPDATE, and its new tree nodes one INSERT, on either provider.
/// </summary>
internal static class LedgerWrites
{
    /// <summary>Gives <paramref name="ids"/>, in their order, the indices <paramref name="first"/>, first + 1, ….</summary>
    public static Task NumberAsync(AppDbContext db, IReadOnlyList<long> ids, long first, CancellationToken cancellationToken) =>
        db.Database.IsNpgsql()
            ? db.Database.ExecuteSqlRawAsync(
                """UPDATE "LedgerEntries" AS e SET "Index" = @first + v.n - 1 FROM unnest(@ids) WITH ORDINALITY AS v(id, n) WHERE e."Id" = v.id""",
                [new NpgsqlParameter("first", first), new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ids.ToArray() }],
                cancellationToken)
            : db.Database.ExecuteSqlRawAsync(
                """UPDATE "LedgerEntries" SET "Index" = @first + j.key FROM json_each(@ids) AS j WHERE "LedgerEntries"."Id" = j.value""",
                [new Microsoft.Data.Sqlite.SqliteParameter("first", first),
                    new Microsoft.Data.Sqlite.SqliteParameter("ids", "[" + string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]")],
                cancellationToken);

    /// <summary>Stores new tree nodes (key as <see cref="LedgerNode.KeyOf"/>).</summary>
    public static async Task AddNodesAsync(AppDbContext db, IReadOnlyDictionary<long, byte[]> nodes, CancellationToken cancellationToken)
    {
        if (nodes.Count == 0)
        {
            return;
        }
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "LedgerNodes" ("Id", "Hash") SELECT * FROM unnest(@ids, @hashes)""",
                [new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = nodes.Keys.ToArray() },
                    new NpgsqlParameter("hashes", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = nodes.Values.ToArray() }],
                cancellationToken);
            return;
        }
        // SQLite runs in the process: EF's batched INSERT is as quick as any statement here.
        db.LedgerNodes.AddRange(nodes.Select(n => LedgerNode.FromKey(n.Key, n.Value)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
