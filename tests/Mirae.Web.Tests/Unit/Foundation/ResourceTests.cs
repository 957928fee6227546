using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Mirae.Web.Tests.Unit.Foundation;

/// <summary>Every text a user reads exists in Korean and in English, and every key the code names exists.</summary>
public sealed partial class ResourceTests
{
    private static readonly string WebRoot = Path.Combine(FindRepositoryRoot(), "src", "Mirae.Web");

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(WebRoot, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Fact]
    public void KoreanAndEnglish_HaveTheSameKeys_AndNoEmptyText()
    {
        var korean = Load("SharedResource.resx");
        var english = Load("SharedResource.en.resx");

        Assert.Empty(korean.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(korean.Keys));
        Assert.DoesNotContain(korean, kv => string.IsNullOrWhiteSpace(kv.Value));
        Assert.DoesNotContain(english, kv => string.IsNullOrWhiteSpace(kv.Value));
        Assert.All(korean.Keys, key => Assert.Equal(PlaceholderCount(korean[key]), PlaceholderCount(english[key])));
    }

    [Fact]
    public void EveryLiteralKeyInTheCode_ExistsInTheResources()
    {
        var keys = Load("SharedResource.resx").Keys.ToHashSet(StringComparer.Ordinal);
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

    [GeneratedRegex(""""(?:\bT|text)\["(?<key>[A-Za-z0-9_.\-]+)"|(?:ErrorMessage|Name) = "(?<key>[A-Z][A-Za-z]+\.[A-Za-z.]+)"|hint="(?<key>[A-Z][A-Za-z]+\.[A-Za-z.]+)"|TempData\["Flash"\] = "(?<key>[^"]+)"|new DomainException\("[a-z_]+", "(?<key>[^"]+)"[,)]"""")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
