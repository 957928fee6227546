using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Mirae.Ledger;

namespace Mirae.Benchmarks;

/// <summary>The raw hash rate and the append rate, measured in the same run so they can be compared.</summary>
[MemoryDiagnoser]
public class AppendBenchmarks
{
    public const int Batch = 100_000;
    private readonly byte[] _input = RandomNumberGenerator.GetBytes(64);
    private readonly byte[] _output = new byte[32];
    private byte[][] _leaves = [];

    [GlobalSetup]
    public void Setup() => _leaves = Enumerable.Range(0, Batch).Select(i => RandomNumberGenerator.GetBytes(64)).ToArray();

    [Benchmark(Description = "SHA-256 of 64 bytes")]
    public void Sha256_64Bytes() => SHA256.HashData(_input, _output);

    [Benchmark(Description = "Append (in-memory store)", OperationsPerInvoke = Batch)]
    public long Append()
    {
        var log = new MerkleLog(new InMemoryHashStore());
        foreach (var leaf in _leaves)
        {
            log.Append(leaf);
        }
        return log.Size;
    }
}

/// <summary>Proof generation and verification on large logs (the log is built once per case).</summary>
public class ProofBenchmarks
{
    private const int Samples = 1024;
    private MerkleLog _log = null!;
    private long[] _indexes = [];
    private long[] _oldSizes = [];
    private byte[][] _leafHashes = [];
    private IReadOnlyList<byte[]>[] _inclusion = [];
    private IReadOnlyList<byte[]>[] _consistency = [];
    private byte[][] _oldRoots = [];
    private byte[] _root = [];
    private int _next;

    [Params(1_000_000, 10_000_000)]
    public int Leaves { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _log = new MerkleLog(new InMemoryHashStore());
        Span<byte> data = stackalloc byte[8];
        for (long i = 0; i < Leaves; i++)
        {
            BitConverter.TryWriteBytes(data, i);
            _log.Append(data);
        }
        _root = _log.Root;
        var random = new Random(20261122);
        _indexes = Enumerable.Range(0, Samples).Select(_ => random.NextInt64(0, Leaves)).ToArray();
        _oldSizes = Enumerable.Range(0, Samples).Select(_ => random.NextInt64(1, Leaves)).ToArray();
        _leafHashes = _indexes.Select(i => MerkleHash.Leaf(BitConverter.GetBytes(i))).ToArray();
        _inclusion = _indexes.Select(i => _log.InclusionProof(i, Leaves)).ToArray();
        _consistency = _oldSizes.Select(s => _log.ConsistencyProof(s, Leaves)).ToArray();
        _oldRoots = _oldSizes.Select(s => _log.RootAt(s)).ToArray();
    }

    private int Next() => _next = (_next + 1) % Samples;

    [Benchmark(Description = "Inclusion proof: generate")]
    public IReadOnlyList<byte[]> ProveInclusion() => _log.InclusionProof(_indexes[Next()], Leaves);

    [Benchmark(Description = "Inclusion proof: verify")]
    public bool VerifyInclusion()
    {
        var i = Next();
        return MerkleProof.VerifyInclusion(_indexes[i], Leaves, _leafHashes[i], _root, _inclusion[i]).IsValid;
    }

    [Benchmark(Description = "Consistency proof: generate")]
    public IReadOnlyList<byte[]> ProveConsistency() => _log.ConsistencyProof(_oldSizes[Next()], Leaves);

    [Benchmark(Description = "Consistency proof: verify")]
    public bool VerifyConsistency()
    {
        var i = Next();
        return MerkleProof.VerifyConsistency(_oldSizes[i], Leaves, _oldRoots[i], _root, _consistency[i]).IsValid;
    }
}
