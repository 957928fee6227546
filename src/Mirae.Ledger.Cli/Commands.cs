using System.Globalization;
using Mirae.Ledger;

namespace Mirae.Ledger.Cli;

/// <summary>
/// The offline verifier <c>mirae-ledger</c>. Exit 0 (prints a result, or OK), 1 (<c>FAIL: reason</c>)
/// or 2 (usage, on bad arguments).
/// </summary>
public static partial class Commands
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public const string UsageText = """
        usage: mirae-ledger <verb> [options]
          root               --leaves FILE
          prove-inclusion    --leaves FILE --index I [--size N]
          prove-consistency  --leaves FILE --old-size M [--new-size N]
          verify-inclusion   --index I --size N --leaf-hash H --root R --proof P
          verify-consistency --old-size M --new-size N --old-root R1 --new-root R2 --proof P
          keygen             --out PREFIX            (writes PREFIX.private.pem and PREFIX.public.pem)
          sign-checkpoint    --origin O --size N --root R --key PRIVATE.pem
          verify-checkpoint  --checkpoint FILE --key PUBLIC.pem
          verify-entry       --url BASE --index I [--key PUBLIC.pem]
          audit              --url BASE [--from-checkpoint FILE] [--key PUBLIC.pem]
          witness            --url BASE --name NAME --key WITNESS_PRIVATE.pem --log-key LOG_PUBLIC.pem --state FILE
          verify-anchor      --rpc URL --tx HASH --checkpoint FILE [--confirmations N]
        verify-entry and audit read a Mirae server's public API (BASE such as https://mirae.example); without --key
        they use the key the server publishes and print its ID to compare with the one the city publishes elsewhere.
        Hashes are lowercase hex; a proof is a comma-separated list (empty string for none).
        FILE for --leaves has one hex-encoded leaf per line; an empty file is the empty tree.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            if (args.Length == 0)
            {
                throw new UsageException("no verb given");
            }
            if (args[0] is "-h" or "--help" or "help")
            {
                output.WriteLine(UsageText);
                return Ok;
            }
            var options = Options.Parse(args.AsSpan(1));
            return args[0] switch
            {
                "root" => Root(options, output),
                "prove-inclusion" => ProveInclusion(options, output),
                "prove-consistency" => ProveConsistency(options, output),
                "verify-inclusion" => Report(output, MerkleProof.VerifyInclusion(options.Long("index"), options.Long("size"),
                    options.Hash("leaf-hash"), options.Hash("root"), options.Proof("proof"))),
                "verify-consistency" => Report(output, MerkleProof.VerifyConsistency(options.Long("old-size"), options.Long("new-size"),
                    options.Hash("old-root"), options.Hash("new-root"), options.Proof("proof"))),
                "keygen" => KeyGen(options, output),
                "sign-checkpoint" => SignCheckpoint(options, output),
                "verify-checkpoint" => VerifyCheckpoint(options, output),
                "verify-entry" => VerifyEntry(options, output),
                "audit" => Audit(options, output),
                "witness" => Witness(options, output),
                "verify-anchor" => VerifyAnchor(options, output),
                _ => throw new UsageException($"unknown verb '{args[0]}'"),
            };
        }
        catch (UsageException e)
        {
            error.WriteLine("error: " + e.Message);
            error.WriteLine(UsageText);
            return Usage;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            output.WriteLine("FAIL: cannot read the server: " + e.Message);
            return Failed;
        }
    }

    private static int Root(Options options, TextWriter output)
    {
        options.AllowOnly("leaves");
        output.WriteLine(Hex(Build(options).Root));
        return Ok;
    }

    private static int ProveInclusion(Options options, TextWriter output)
    {
        options.AllowOnly("leaves", "index", "size");
        var log = Build(options);
        var index = options.Long("index");
        var size = options.LongOr("size", log.Size);
        if (size > log.Size || index >= size)
        {
            throw new UsageException($"need index < size <= {log.Size} leaves (got index {index}, size {size})");
        }
        output.WriteLine(string.Join(',', log.InclusionProof(index, size).Select(Hex)));
        return Ok;
    }

    private static int ProveConsistency(Options options, TextWriter output)
    {
        options.AllowOnly("leaves", "old-size", "new-size");
        var log = Build(options);
        var oldSize = options.Long("old-size");
        var newSize = options.LongOr("new-size", log.Size);
        if (newSize > log.Size || oldSize > newSize)
        {
            throw new UsageException($"need old-size <= new-size <= {log.Size} leaves (got {oldSize}, {newSize})");
        }
        output.WriteLine(string.Join(',', log.ConsistencyProof(oldSize, newSize).Select(Hex)));
        return Ok;
    }

    private static int KeyGen(Options options, TextWriter output)
    {
        options.AllowOnly("out");
        var prefix = options.Text("out");
        using var signer = CheckpointSigner.Generate("mirae");
        File.WriteAllText(prefix + ".private.pem", signer.PrivateKeyPem);
        File.WriteAllText(prefix + ".public.pem", signer.PublicKeyPem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(prefix + ".private.pem", UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        output.WriteLine($"{prefix}.private.pem");
        output.WriteLine($"{prefix}.public.pem");
        return Ok;
    }

    private static int SignCheckpoint(Options options, TextWriter output)
    {
        options.AllowOnly("origin", "size", "root", "key");
        var origin = options.Text("origin");
        Checkpoint checkpoint;
        CheckpointSigner signer;
        try
        {
            checkpoint = new Checkpoint(origin, options.Long("size"), options.Hash("root"));
            signer = CheckpointSigner.FromPrivateKeyPem(origin, options.FileText("key"));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        using (signer)
        {
            output.Write(signer.Sign(checkpoint));
        }
        return Ok;
    }

    private static int VerifyCheckpoint(Options options, TextWriter output)
    {
        options.AllowOnly("checkpoint", "key");
        var note = options.FileText("checkpoint");
        CheckpointVerifier verifier;
        try
        {
            verifier = CheckpointVerifier.FromPublicKeyPem(options.FileText("key"));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        using (verifier)
        {
            return Report(output, verifier.Verify(note, out _));
        }
    }

    private static int Report(TextWriter output, VerificationResult result)
    {
        output.WriteLine(result.IsValid ? "OK" : "FAIL: " + result.Failure);
        return result.IsValid ? Ok : Failed;
    }

    private static MerkleLog Build(Options options)
    {
        var log = new MerkleLog(new InMemoryHashStore());
        var lines = options.FileText("leaves").Split('\n');
        var count = lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        for (var i = 0; i < count; i++)
        {
            try
            {
                log.Append(Convert.FromHexString(lines[i].TrimEnd('\r')));
            }
            catch (FormatException)
            {
                throw new UsageException($"leaves line {i + 1} is not hex");
            }
        }
        return log;
    }

    internal static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    private sealed class UsageException(string message) : Exception(message);

    private sealed class Options
    {
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

        public static Options Parse(ReadOnlySpan<string> args)
        {
            var options = new Options();
            for (var i = 0; i < args.Length; i += 2)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                {
                    throw new UsageException($"expected --option value, got '{args[i]}'");
                }
                if (!options._values.TryAdd(args[i][2..], args[i + 1]))
                {
                    throw new UsageException($"option {args[i]} given twice");
                }
            }
            return options;
        }

        public void AllowOnly(params string[] names)
        {
            if (_values.Keys.FirstOrDefault(k => !names.Contains(k)) is { } unknown)
            {
                throw new UsageException($"unknown option --{unknown}");
            }
        }

        public bool Has(string name) => _values.ContainsKey(name);

        public string Text(string name) =>
            _values.TryGetValue(name, out var value) ? value : throw new UsageException($"missing --{name}");

        public long Long(string name) =>
            long.TryParse(Text(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new UsageException($"--{name} must be a non-negative integer");

        public long LongOr(string name, long fallback) => _values.ContainsKey(name) ? Long(name) : fallback;

        public byte[] Hash(string name)
        {
            var hash = ParseHex(Text(name), $"--{name}");
            return hash.Length == MerkleHash.Size ? hash : throw new UsageException($"--{name} must be {MerkleHash.Size} bytes of hex");
        }

        public List<byte[]> Proof(string name)
        {
            var text = Text(name);
            return text.Length == 0 ? [] : text.Split(',').Select(h => ParseHex(h, $"--{name}")).ToList();
        }

        public string FileText(string name)
        {
            var path = Text(name);
            try
            {
                return File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot read --{name} {path}: {e.Message}");
            }
        }

        private static byte[] ParseHex(string text, string what)
        {
            if (text.Any(char.IsAsciiLetterUpper))
            {
                throw new UsageException($"{what}: hashes are lowercase hex");
            }
            try
            {
                return Convert.FromHexString(text);
            }
            catch (FormatException)
            {
                throw new UsageException($"{what}: '{text}' is not hex");
            }
        }
    }
}
