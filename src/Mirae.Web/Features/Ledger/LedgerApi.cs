using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Mirae.Ledger;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Ledger;

/// <summary>
/// The log, open to anyone (ADR 018): the latest signed checkpoint (C2SP text), every checkpoint for auditors, the public
/// key, entries one by one or a page at a time (for mirrors), inclusion and consistency proofs, and a search by a file's
/// SHA-256. Hashes are lower-case hex. Bad input is a 400 <c>validation_failed</c> naming the parameter.
/// </summary>
public static class LedgerApi
{
    /// <summary>Indices and sizes are below 2^48 (the node key's room, ADR 018).</summary>
    public const long MaxIndex = (1L << 48) - 1;

    public sealed record EntryOutput(long? Index, string Kind, string Subject, DateTimeOffset RecordedAt, string Body, string LeafHash, long? CheckpointSize);
    public sealed record CheckpointOutput(long Size, string RootHash, string Note, DateTimeOffset SignedAt, IReadOnlyList<string> Witnesses);
    public sealed record CosignatureInput(long? Size, string? Line);
    public sealed record KeyOutput(string Origin, string? PublicKeyPem, string? KeyId);
    public sealed record InclusionOutput(long Index, long Size, string LeafHash, string RootHash, IReadOnlyList<string> Proof);
    public sealed record ConsistencyOutput(long From, long To, string FromRoot, string ToRoot, IReadOnlyList<string> Proof);

    public static IEndpointRouteBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/ledger").WithTags("Ledger").AllowAnonymous();
        group.MapGet("/checkpoint", LatestAsync).WithName("GetLedgerCheckpoint").Produces<string>(contentType: "text/plain");
        group.MapGet("/checkpoints", CheckpointsAsync).WithName("ListLedgerCheckpoints");
        group.MapGet("/key", Key).WithName("GetLedgerKey");
        group.MapGet("/entries/{index}", EntryAsync).WithName("GetLedgerEntry");
        group.MapGet("/entries", EntriesAsync).WithName("ListLedgerEntries");
        group.MapGet("/proofs/inclusion", InclusionAsync).WithName("GetInclusionProof");
        group.MapGet("/proofs/consistency", ConsistencyAsync).WithName("GetConsistencyProof");
        group.MapGet("/search", SearchAsync).WithName("SearchLedger");
        group.MapPost("/cosignatures", CosignAsync).WithName("AddCosignature").RequireRateLimiting(RateLimiting.Calculator)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(4096)).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>The latest signed checkpoint as C2SP signed-note text (origin, size, base64 root, signature lines).</summary>
    /// <remarks>Witnesses' cosignature lines follow the log's own signature; verifiers that do not know a key skip its line.</remarks>
    private static async Task<Results<ContentHttpResult, NotFound>> LatestAsync(ReadLedger read, CancellationToken cancellationToken)
    {
        if (await read.LatestCheckpointAsync(cancellationToken) is not { } c)
        {
            return TypedResults.NotFound();
        }
        var lines = await read.CosignaturesAsync([c.Size], cancellationToken);
        return TypedResults.Text(c.Note + string.Concat(lines.Select(l => l.Line + "\n")), "text/plain; charset=utf-8");
    }

    /// <summary>
    /// A configured witness's cosignature line for a checkpoint the log signed: 201 when added, 200 when it was already
    /// there, 403 for a witness the log does not know, 400 when the line does not verify.
    /// </summary>
    private static async Task<Results<Created, Ok, ValidationProblem>> CosignAsync(CollectCosignature collect, CosignatureInput input,
        CancellationToken cancellationToken)
    {
        if (input.Size is not > 0 || string.IsNullOrWhiteSpace(input.Line) || input.Line.Length > 400)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["line"] = ["a checkpoint size and one cosignature line"] });
        }
        return await collect.AddAsync(input.Size.Value, input.Line, cancellationToken)
            ? TypedResults.Created($"/api/v1/ledger/checkpoints?after={input.Size - 1}&limit=1") : TypedResults.Ok();
    }

    /// <summary>Checkpoints after a size, oldest first (at most 1,000): what an auditor checks one after another.</summary>
    private static async Task<Results<Ok<List<CheckpointOutput>>, ValidationProblem>> CheckpointsAsync(ReadLedger read, string? after, string? limit,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var from = Number(after, "after", 0, errors);
        var count = Number(limit, "limit", ReadLedger.MaxPage, errors, max: ReadLedger.MaxPage, min: 1);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        var list = await read.CheckpointsAsync(from, (int)count, cancellationToken);
        var cosigned = (await read.CosignaturesAsync([.. list.Select(c => c.Size)], cancellationToken)).ToLookup(c => c.Size);
        return TypedResults.Ok(list.Select(c => new CheckpointOutput(c.Size, Convert.ToHexStringLower(c.RootHash), c.Note, c.SignedAt,
            [.. cosigned[c.Size].Select(w => w.Line)])).ToList());
    }

    /// <summary>The checkpoint key: its name (the log's origin), SubjectPublicKeyInfo PEM and C2SP key ID.</summary>
    private static Ok<KeyOutput> Key(LedgerKey key) =>
        TypedResults.Ok(new KeyOutput(key.Origin, key.PublicKeyPem, key.PublicKeyPem is { } pem ? KeyIdOf(pem) : null));

    public static string KeyIdOf(string publicKeyPem)
    {
        using var ecdsa = System.Security.Cryptography.ECDsa.Create();
        ecdsa.ImportFromPem(publicKeyPem);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ecdsa.ExportSubjectPublicKeyInfo())[..4]);
    }

    /// <summary>One entry: its canonical JSON body, leaf hash, and the first checkpoint that includes it.</summary>
    private static async Task<Results<Ok<EntryOutput>, ValidationProblem, NotFound>> EntryAsync(ReadLedger read, string index, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var i = Number(index, "index", null, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        return await read.EntryAsync(i, cancellationToken) is { } e ? TypedResults.Ok(Output(e)) : TypedResults.NotFound();
    }

    /// <summary>Entries from an index, in order (at most 1,000): for mirrors and the auditor.</summary>
    private static async Task<Results<Ok<List<EntryOutput>>, ValidationProblem>> EntriesAsync(ReadLedger read, string? from, string? limit,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var start = Number(from, "from", 0, errors);
        var count = Number(limit, "limit", 100, errors, max: ReadLedger.MaxPage, min: 1);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        return TypedResults.Ok((await read.EntriesAsync(start, (int)count, cancellationToken)).Select(Output).ToList());
    }

    /// <summary>Proof that entry <c>index</c> is in the log of <c>size</c> entries (0 ≤ index &lt; size ≤ the log's size).</summary>
    private static async Task<Results<Ok<InclusionOutput>, ValidationProblem>> InclusionAsync(ReadLedger read, string? index, string? size,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var i = Number(index, "index", null, errors);
        var n = Number(size, "size", null, errors, min: 1);
        var logSize = await read.SizeAsync(cancellationToken);
        if (errors.Count == 0 && n > logSize)
        {
            errors["size"] = [$"the log has {logSize} entries"];
        }
        if (errors.Count == 0 && i >= n)
        {
            errors["index"] = ["index must be below size"];
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        var (leaf, root, proof) = await read.InclusionAsync(i, n, cancellationToken);
        return TypedResults.Ok(new InclusionOutput(i, n, Convert.ToHexStringLower(leaf), Convert.ToHexStringLower(root), proof.Select(Convert.ToHexStringLower).ToList()));
    }

    /// <summary>Proof that the log of <c>from</c> entries is a prefix of the log of <c>to</c> entries (1 ≤ from ≤ to ≤ the log's size).</summary>
    private static async Task<Results<Ok<ConsistencyOutput>, ValidationProblem>> ConsistencyAsync(ReadLedger read, string? from, string? to,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var a = Number(from, "from", null, errors, min: 1);
        var b = Number(to, "to", null, errors, min: 1);
        var logSize = await read.SizeAsync(cancellationToken);
        if (errors.Count == 0 && b > logSize)
        {
            errors["to"] = [$"the log has {logSize} entries"];
        }
        if (errors.Count == 0 && a > b)
        {
            errors["from"] = ["from must not be above to"];
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        var (fromRoot, toRoot, proof) = await read.ConsistencyAsync(a, b, cancellationToken);
        return TypedResults.Ok(new ConsistencyOutput(a, b, Convert.ToHexStringLower(fromRoot), Convert.ToHexStringLower(toRoot), proof.Select(Convert.ToHexStringLower).ToList()));
    }

    /// <summary>The entries that record a file with this SHA-256 (64 hex digits).</summary>
    private static async Task<Results<Ok<List<EntryOutput>>, ValidationProblem>> SearchAsync(ReadLedger read, string? sha256, CancellationToken cancellationToken)
    {
        if (ParseSha256(sha256) is not { } hex)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["sha256"] = ["64 hexadecimal digits"] });
        }
        return TypedResults.Ok((await read.WithHashAsync(hex, cancellationToken)).Select(Output).ToList());
    }

    /// <summary>Lower-case hex of a SHA-256 typed with any case and surrounding spaces; null when it is not 64 hex digits.</summary>
    public static string? ParseSha256(string? text)
    {
        var t = text?.Trim().ToLowerInvariant();
        return t is { Length: 64 } && t.All(Uri.IsHexDigit) ? t : null;
    }

    private static long Number(string? text, string name, long? fallback, Dictionary<string, string[]> errors, long max = MaxIndex, long min = 0)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (fallback is { } value)
            {
                return value;
            }
            errors[name] = ["required"];
            return 0;
        }
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            errors[name] = [$"a whole number from {min} to {max}"];
            return 0;
        }
        return n;
    }

    private static EntryOutput Output(ReadLedger.Entry e) => new(e.Index, e.Kind, e.Subject, e.RecordedAt, e.Body, e.LeafHash, e.CheckpointSize);
}
