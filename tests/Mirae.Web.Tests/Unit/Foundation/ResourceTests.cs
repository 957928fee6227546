using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Mirae.Web.Tests.Unit.Foundation;

/// <summary>Every text a user reads exists in Korean and in English, and every key the code names exists.</summary>
public sealed partial class ResourceTests
{
    private static readonly string WebRoot = Path.Combine(FindRepositoryRoot(), "src", "Mirae.Web");

    private static Dictionary<string, string> Load(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    /// <summary>The Korean (neutral) file of every pair: the shared one and each feature's <c>XTexts.resx</c>.</summary>
    public static TheoryData<string> KoreanFiles() => [.. KoreanFilePaths()];

    private static List<string> KoreanFilePaths() =>
    [
        .. System.IO.Directory.EnumerateFiles(WebRoot, "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(WebRoot, f)).Order(StringComparer.Ordinal),
    ];

    [Theory, MemberData(nameof(KoreanFiles))]
    public void KoreanAndEnglish_HaveTheSameKeys_AndNoEmptyText(string koreanFile)
    {
        var korean = Load(Path.Combine(WebRoot, koreanFile));
        var english = Load(Path.Combine(WebRoot, Path.ChangeExtension(koreanFile, ".en.resx")));

        Assert.NotEmpty(korean);
        Assert.Empty(korean.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(korean.Keys));
        Assert.DoesNotContain(korean, kv => string.IsNullOrWhiteSpace(kv.Value));
        Assert.DoesNotContain(english, kv => string.IsNullOrWhiteSpace(kv.Value));
        Assert.All(korean.Keys, key => Assert.Equal(PlaceholderCount(korean[key]), PlaceholderCount(english[key])));
    }

    [Fact]
    public void EveryFeatureWithPages_HasItsOwnTexts_AndNoKeyIsInTwoFiles()
    {
        var files = KoreanFilePaths();
        var features = System.IO.Directory.EnumerateDirectories(Path.Combine(WebRoot, "Features"))
            .Where(d => System.IO.Directory.EnumerateFiles(d, "*.cshtml.cs").Any()).Select(Path.GetFileName).ToList();

        Assert.Contains(Path.Combine("Resources", "SharedResource.resx"), files);
        Assert.All(features, feature => Assert.Contains(Path.Combine("Features", feature!, feature + "Texts.resx"), files));
        var owners = files.SelectMany(f => Load(Path.Combine(WebRoot, f)).Keys.Select(key => (Key: key, File: f))).GroupBy(k => k.Key);
        Assert.Empty(owners.Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(k => k.File))}"));
    }

    [Fact]
    public void EveryLiteralKeyInTheCode_ExistsInTheResources()
    {
        var keys = KoreanFilePaths().SelectMany(f => Load(Path.Combine(WebRoot, f)).Keys).ToHashSet(StringComparer.Ordinal);
        var used = System.IO.Directory.EnumerateFiles(WebRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .Where(u => !u.Key.EndsWith('.'))
            .ToList();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}"));
    }

    private static int PlaceholderCount(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Count();

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Mirae.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Mirae.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(""""(?:\bT|text)\["(?<key>[A-Za-z0-9_.\-]+)"|(?:ErrorMessage|Name) = "(?<key>[A-Z][A-Za-z]+\.[A-Za-z.]+)"|hint="(?<key>[A-Z][A-Za-z]+\.[A-Za-z.]+)"|TempData\["Flash"\] = "(?<key>[^"]+)"|new DomainException\("[a-z_]+", "(?<key>[^"]+)"[,)]|new NavEntry\("(?<key>[^"]+)"""")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
