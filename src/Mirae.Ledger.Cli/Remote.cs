using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Mirae.Ledger.Cli;

/// <summary>
/// What an outside auditor runs against a live server, trusting only the maths and the key: <c>verify-entry</c> checks
/// one entry (its body's leaf hash, its inclusion proof, the checkpoint's signature); <c>audit</c> downloads every entry
/// and checkpoint, rebuilds the tree, and checks each checkpoint's signature, root and consistency with the one before,
/// naming the first bad index when something does not match.
/// </summary>
public static partial class Commands
{
    private sealed record Entry(long Index, string Kind, string Subject, string Body, string LeafHash);

    private static int VerifyEntry(Options options, TextWriter output)
    {
        options.AllowOnly("url", "index", "key");
        using var api = Api(options);
        var index = options.Long("index");
        using var verifier = Verifier(options, api, output);
        var entry = Get<Entry>(api, $"api/v1/ledger/entries/{index}");
        var leaf = MerkleHash.Leaf(Encoding.UTF8.GetBytes(entry.Body));
        if (Hex(leaf) != entry.LeafHash)
        {
            return Fail(output, $"entry {index}: its body does not hash to its leaf hash");
        }
        var note = api.GetStringAsync("api/v1/ledger/checkpoint").GetAwaiter().GetResult();
        var signature = verifier.Verify(note, out var checkpoint);
        if (!signature.IsValid)
        {
            return Fail(output, "checkpoint: " + signature.Failure);
        }
        var proof = Proof(api, $"api/v1/ledger/proofs/inclusion?index={index}&size={checkpoint!.Size}");
        var included = MerkleProof.VerifyInclusion(index, checkpoint.Size, leaf, checkpoint.RootHash, proof);
        if (!included.IsValid)
        {
            return Fail(output, $"entry {index}: " + included.Failure);
        }
        output.WriteLine($"OK entry {index} ({entry.Kind} {entry.Subject}) is in the signed checkpoint of size {checkpoint.Size}, root {Hex(checkpoint.RootHash)}");
        return Ok;
    }

    private static int Audit(Options options, TextWriter output)
    {
        options.AllowOnly("url", "from-checkpoint", "key");
        using var api = Api(options);
        using var verifier = Verifier(options, api, output);
        var log = new MerkleLog(new InMemoryHashStore());
        var leaves = new List<byte[]>();
        while (true)
        {
            var page = Get<List<Entry>>(api, $"api/v1/ledger/entries?from={log.Size}&limit=1000");
            if (page.Count == 0)
            {
                break;
            }
            foreach (var entry in page)
            {
                if (entry.Index != log.Size)
                {
                    return Fail(output, $"entry {log.Size} is missing (the next one is {entry.Index})");
                }
                var leaf = MerkleHash.Leaf(Encoding.UTF8.GetBytes(entry.Body));
                if (Hex(leaf) != entry.LeafHash)
                {
                    return Fail(output, $"entry {entry.Index}: its body does not hash to its leaf hash");
                }
                leaves.Add(leaf);
                log.AppendLeafHash(leaf);
            }
        }

        Checkpoint? trusted = null;
        if (options.Has("from-checkpoint"))
        {
            var saved = verifier.Verify(options.FileText("from-checkpoint"), out trusted);
            if (!saved.IsValid)
            {
                return Fail(output, "--from-checkpoint: " + saved.Failure);
            }
        }
        Checkpoint? previous = null;
        var count = 0;
        long after = 0;
        while (true)
        {
            var page = Get<List<JsonElement>>(api, $"api/v1/ledger/checkpoints?after={after}&limit=1000");
            if (page.Count == 0)
            {
                break;
            }
            foreach (var item in page)
            {
                var signed = verifier.Verify(item.GetProperty("note").GetString()!, out var checkpoint);
                if (!signed.IsValid)
                {
                    return Fail(output, $"checkpoint {item.GetProperty("size").GetInt64()}: " + signed.Failure);
                }
                if (checkpoint!.Size > log.Size)
                {
                    return Fail(output, $"checkpoint {checkpoint.Size}: the server lists only {log.Size} entries (entry {log.Size} is missing)");
                }
                if (!log.RootAt(checkpoint.Size).AsSpan().SequenceEqual(checkpoint.RootHash))
                {
                    return Fail(output, $"entry {FirstBad(api, leaves, previous?.Size ?? 0, checkpoint)}: the entries no longer give the root signed at size {checkpoint.Size}");
                }
                if (previous is not null)
                {
                    var proof = Proof(api, $"api/v1/ledger/proofs/consistency?from={previous.Size}&to={checkpoint.Size}");
                    var consistent = MerkleProof.VerifyConsistency(previous.Size, checkpoint.Size, previous.RootHash, checkpoint.RootHash, proof);
                    if (!consistent.IsValid)
                    {
                        return Fail(output, $"checkpoints {previous.Size} → {checkpoint.Size}: " + consistent.Failure);
                    }
                }
                previous = checkpoint;
                after = checkpoint.Size;
                count++;
            }
        }
        if (trusted is not null && (trusted.Size > log.Size || !log.RootAt(trusted.Size).AsSpan().SequenceEqual(trusted.RootHash)))
        {
            return Fail(output, $"the log is not an extension of the saved checkpoint of size {trusted.Size}");
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"OK {log.Size} entries, {count} checkpoints verified; latest signed size {previous?.Size ?? 0}, root {(previous is null ? "-" : Hex(previous.RootHash))}"));
        return Ok;
    }

    /// <summary>
    /// Checks an anchor against any node of the chain, trusting neither Mirae nor its database: the transaction's input
    /// must be the SHA-256 of the checkpoint file (the signed note as the log published it, before witnesses' lines),
    /// its receipt must have status 1, and its block must have at least --confirmations blocks (itself included).
    /// </summary>
    private static int VerifyAnchor(Options options, TextWriter output)
    {
        options.AllowOnly("rpc", "tx", "checkpoint", "confirmations");
        if (!Uri.TryCreate(options.Text("rpc"), UriKind.Absolute, out var rpc) || rpc.Scheme is not ("http" or "https"))
        {
            throw new UsageException("--rpc must be an http(s) address");
        }
        var tx = options.Text("tx");
        if (tx.Length != 66 || !tx.StartsWith("0x", StringComparison.Ordinal) || !tx[2..].All(Uri.IsHexDigit))
        {
            throw new UsageException("--tx must be 0x and 64 hex digits");
        }
        var note = options.FileText("checkpoint");
        var signedPart = note.Split('\n').TakeWhile(l => l.Length > 0).Count(); // text lines before the blank line
        var lines = note.Split('\n').ToList();
        // The log's own note is its text, a blank line and the log's signature line; witnesses' lines follow it.
        var logNote = string.Join('\n', lines.Take(signedPart + 2)) + "\n";
        var expected = "0x" + Hex(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(logNote)));
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        var transaction = Rpc(http, rpc, "eth_getTransactionByHash", tx);
        if (transaction.ValueKind == JsonValueKind.Null)
        {
            return Fail(output, $"the node knows no transaction {tx}");
        }
        var input = transaction.GetProperty("input").GetString();
        if (!string.Equals(input, expected, StringComparison.OrdinalIgnoreCase))
        {
            return Fail(output, $"the transaction carries {input}, not the checkpoint's SHA-256 {expected}");
        }
        var receipt = Rpc(http, rpc, "eth_getTransactionReceipt", tx);
        if (receipt.ValueKind == JsonValueKind.Null || receipt.GetProperty("status").GetString() != "0x1")
        {
            return Fail(output, "the transaction has no successful receipt (not mined, or reverted)");
        }
        var block = Convert.ToInt64(receipt.GetProperty("blockNumber").GetString(), 16);
        var head = Convert.ToInt64(Rpc(http, rpc, "eth_blockNumber").GetString(), 16);
        var needed = options.LongOr("confirmations", 1);
        if (head - block + 1 < needed)
        {
            return Fail(output, $"block {block} has {head - block + 1} confirmations, fewer than {needed}");
        }
        var chain = Convert.ToInt64(Rpc(http, rpc, "eth_chainId").GetString(), 16);
        output.WriteLine($"OK the checkpoint's SHA-256 is in transaction {tx}, block {block} of chain {chain} ({head - block + 1} confirmations)");
        return Ok;
    }

    private static JsonElement Rpc(HttpClient http, Uri rpc, string method, params string[] parameters)
    {
        using var response = http.PostAsJsonAsync(rpc, new { jsonrpc = "2.0", id = 1, method, @params = parameters }).GetAwaiter().GetResult();
        var body = response.Content.ReadFromJsonAsync<JsonElement>().GetAwaiter().GetResult();
        if (body.TryGetProperty("error", out var error))
        {
            throw new HttpRequestException($"{method}: {error.GetProperty("message").GetString()}");
        }
        return body.GetProperty("result").Clone();
    }

    /// <summary>
    /// A witness's round: fetch the log's latest checkpoint, check its signature with the log's key, check it extends the
    /// one this witness cosigned last (kept in --state: never smaller, never another root at the same size, a valid
    /// consistency proof), then cosign it and post the cosignature. A witness never cosigns a log that forked or shrank.
    /// </summary>
    private static int Witness(Options options, TextWriter output)
    {
        options.AllowOnly("url", "name", "key", "log-key", "state");
        using var api = Api(options);
        CheckpointVerifier log;
        CheckpointSigner witness;
        try
        {
            log = CheckpointVerifier.FromPublicKeyPem(options.FileText("log-key"));
            witness = CheckpointSigner.FromPrivateKeyPem(options.Text("name"), options.FileText("key"));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        using (log)
        using (witness)
        {
            var note = api.GetStringAsync("api/v1/ledger/checkpoint").GetAwaiter().GetResult();
            var signed = log.Verify(note, out var latest);
            if (!signed.IsValid)
            {
                return Fail(output, "the log's checkpoint: " + signed.Failure);
            }
            var statePath = options.Text("state");
            if (File.Exists(statePath))
            {
                if (!log.Verify(File.ReadAllText(statePath), out var seen).IsValid)
                {
                    return Fail(output, $"the state file {statePath} holds no checkpoint signed by the log's key");
                }
                if (latest!.Size < seen!.Size)
                {
                    return Fail(output, $"the log shrank from {seen.Size} to {latest.Size} entries: not cosigned");
                }
                if (latest.Size == seen.Size && !latest.RootHash.AsSpan().SequenceEqual(seen.RootHash))
                {
                    return Fail(output, $"two different roots for {seen.Size} entries (a fork): not cosigned");
                }
                if (latest.Size > seen.Size)
                {
                    var proof = Proof(api, $"api/v1/ledger/proofs/consistency?from={seen.Size}&to={latest.Size}");
                    var consistent = MerkleProof.VerifyConsistency(seen.Size, latest.Size, seen.RootHash, latest.RootHash, proof);
                    if (!consistent.IsValid)
                    {
                        return Fail(output, $"{latest.Size} entries do not extend the {seen.Size} cosigned before: " + consistent.Failure);
                    }
                }
            }
            var line = witness.Cosign(latest!, DateTimeOffset.UtcNow);
            using var response = api.PostAsJsonAsync("api/v1/ledger/cosignatures", new { size = latest!.Size, line }).GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode)
            {
                return Fail(output, $"the log refused the cosignature ({(int)response.StatusCode}): " + response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
            }
            File.WriteAllText(statePath, note);
            output.WriteLine($"OK {options.Text("name")} cosigned the checkpoint of size {latest.Size}, root {Hex(latest.RootHash)}");
            return Ok;
        }
    }

    /// <summary>
    /// The first entry in [from, checkpoint size) whose recomputed leaf the server's own inclusion proof cannot tie to the
    /// signed root: where the stored body was changed (and its leaf hash with it).
    /// </summary>
    private static long FirstBad(HttpClient api, List<byte[]> leaves, long from, Checkpoint checkpoint)
    {
        for (var i = from; i < checkpoint.Size; i++)
        {
            var proof = Proof(api, $"api/v1/ledger/proofs/inclusion?index={i}&size={checkpoint.Size}");
            if (!MerkleProof.VerifyInclusion(i, checkpoint.Size, leaves[(int)i], checkpoint.RootHash, proof).IsValid)
            {
                return i;
            }
        }
        return from;
    }

    private static HttpClient Api(Options options)
    {
        if (!Uri.TryCreate(options.Text("url").TrimEnd('/') + "/", UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new UsageException("--url must be an http(s) address");
        }
        return new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
    }

    private static CheckpointVerifier Verifier(Options options, HttpClient api, TextWriter output)
    {
        var pem = options.Has("key") ? options.FileText("key") : Get<JsonElement>(api, "api/v1/ledger/key").GetProperty("publicKeyPem").GetString();
        try
        {
            var verifier = CheckpointVerifier.FromPublicKeyPem(pem ?? "");
            if (!options.Has("key"))
            {
                output.WriteLine("note: using the key the server publishes; compare its ID with the one published by the city: "
                    + Hex(System.Security.Cryptography.SHA256.HashData(PemBytes(pem!)))[..8]);
            }
            return verifier;
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static byte[] PemBytes(string pem) =>
        Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)).Select(l => l.Trim())));

    /// <summary>A proof from the API (inclusion or consistency), as its hashes.</summary>
    private static List<byte[]> Proof(HttpClient api, string path) =>
        [.. Get<JsonElement>(api, path).GetProperty("proof").EnumerateArray().Select(p => Convert.FromHexString(p.GetString()!))];

    private static T Get<T>(HttpClient api, string path)
    {
        using var response = api.GetAsync(path).GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {path}: {(int)response.StatusCode}");
        }
        return response.Content.ReadFromJsonAsync<T>(new JsonSerializerOptions(JsonSerializerDefaults.Web)).GetAwaiter().GetResult()!;
    }

    private static int Fail(TextWriter output, string reason)
    {
        output.WriteLine("FAIL: " + reason);
        return Failed;
    }
}
