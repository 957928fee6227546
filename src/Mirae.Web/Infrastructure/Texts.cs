using System.Collections.Frozen;
using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;

namespace Mirae.Web.Infrastructure;

/// <summary>One set of texts: the shared resources, or a feature's <c>XTexts.resx</c> / <c>XTexts.en.resx</c> pair.</summary>
public sealed record TextSource(ResourceManager Resources)
{
    /// <summary>The texts every feature shares (Resources/SharedResource.resx): layout, validation, problems, paging.</summary>
    public static TextSource Shared { get; } = new(new ResourceManager("Mirae.Web.Resources.SharedResource", typeof(SharedResource).Assembly));
}

public static class TextsRegistration
{
    /// <summary>
    /// Adds a feature's texts, the .resx pair named like <typeparamref name="TMarker"/> in the marker's folder
    /// (Korean is the neutral culture). Every page and service reads them through <c>IStringLocalizer&lt;SharedResource&gt;</c>.
    /// </summary>
    public static IServiceCollection AddTexts<TMarker>(this IServiceCollection services) =>
        services.AddSingleton(new TextSource(new ResourceManager(typeof(TMarker))));
}

/// <summary>
/// Every text of the site in one localizer: a key is looked up in the one source that holds it. Keys are unique across
/// sources (a duplicate stops the start), so a feature's texts can move without touching the pages that show them.
/// </summary>
public sealed class SiteTexts : IStringLocalizer
{
    private readonly FrozenDictionary<string, ResourceManager> _owner;

    public SiteTexts(IEnumerable<TextSource> sources)
    {
        var owner = new Dictionary<string, ResourceManager>(StringComparer.Ordinal);
        foreach (var resources in sources.Prepend(TextSource.Shared).Select(s => s.Resources).Distinct())
        {
            var neutral = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
                ?? throw new InvalidOperationException($"No texts found for {resources.BaseName}.");
            foreach (System.Collections.DictionaryEntry entry in neutral)
            {
                var key = (string)entry.Key;
                if (!owner.TryAdd(key, resources))
                {
                    throw new InvalidOperationException($"The text key {key} is in both {owner[key].BaseName} and {resources.BaseName}.");
                }
            }
        }
        _owner = owner.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public LocalizedString this[string name] =>
        Find(name) is { } value ? new LocalizedString(name, value) : new LocalizedString(name, name, resourceNotFound: true);

    /// <summary>The text with its arguments; in Korean, each particle written with both forms follows the noun before it (<see cref="Particles"/>).</summary>
    public LocalizedString this[string name, params object[] arguments] =>
        Find(name) is { } value
            ? new LocalizedString(name, Korean(string.Format(CultureInfo.CurrentCulture, value, arguments)))
            : new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, name, arguments), resourceNotFound: true);

    private static string Korean(string text) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ko" ? Particles.Fix(text) : text;

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        _owner.Keys.Order(StringComparer.Ordinal).Select(key => this[key]);

    private string? Find(string name) =>
        _owner.TryGetValue(name, out var resources) ? resources.GetString(name, CultureInfo.CurrentUICulture) : null;
}

/// <summary>Hands out <see cref="SiteTexts"/> for every type, so <c>IStringLocalizer&lt;T&gt;</c> and data annotations read the same texts.</summary>
public sealed class SiteTextsFactory(SiteTexts texts) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => texts;

    public IStringLocalizer Create(string baseName, string location) => texts;
}
