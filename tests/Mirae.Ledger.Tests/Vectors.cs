using System.Text.Json;

namespace Mirae.Ledger.Tests;

/// <summary>The RFC 9162 vectors of shared/data/ledger-vectors.json (copied into this project's data/ folder).</summary>
public static class Vectors
{
    public sealed record Inclusion(long Index, long Size, byte[] LeafHash, byte[] Root, byte[][] Proof);
    public sealed record Consistency(long OldSize, long NewSize, byte[] OldRoot, byte[] NewRoot, byte[][] Proof);

    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "data", "ledger-vectors.json");

    private static readonly Lazy<JsonElement> Document = new(() => JsonDocument.Parse(File.ReadAllText(Path)).RootElement);

    public static IReadOnlyList<byte[]> Leaves => Document.Value.GetProperty("leaves").EnumerateArray().Select(l => Convert.FromHexString(l.GetString()!)).ToList();

    public static IReadOnlyDictionary<long, byte[]> Roots => Document.Value.GetProperty("roots").EnumerateObject()
        .ToDictionary(p => long.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture), p => Convert.FromHexString(p.Value.GetString()!));

    public static IReadOnlyList<Inclusion> Inclusions => Document.Value.GetProperty("inclusion").EnumerateArray()
        .Select(v => new Inclusion(v.GetProperty("leaf_index").GetInt64(), v.GetProperty("tree_size").GetInt64(), Hex(v, "leaf_hash"), Hex(v, "root"), Hashes(v)))
        .ToList();

    public static IReadOnlyList<Consistency> Consistencies => Document.Value.GetProperty("consistency").EnumerateArray()
        .Select(v => new Consistency(v.GetProperty("old_size").GetInt64(), v.GetProperty("new_size").GetInt64(), Hex(v, "old_root"), Hex(v, "new_root"), Hashes(v)))
        .ToList();

    public static TheoryData<int> InclusionCases() => [.. Enumerable.Range(0, Inclusions.Count)];

    public static TheoryData<int> ConsistencyCases() => [.. Enumerable.Range(0, Consistencies.Count)];

    private static byte[] Hex(JsonElement element, string name) => Convert.FromHexString(element.GetProperty(name).GetString()!);

    private static byte[][] Hashes(JsonElement element) =>
        element.GetProperty("proof").EnumerateArray().Select(h => Convert.FromHexString(h.GetString()!)).ToArray();
}
