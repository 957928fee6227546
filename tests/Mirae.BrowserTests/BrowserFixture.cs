using Microsoft.Playwright;
using Mirae.Web.Data;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.BrowserTests;

/// <summary>
/// The real app on Kestrel (127.0.0.1, a free port) and Debian's Chromium driven by Playwright; shared by
/// the browser tests. Chromium comes from <c>MIRAE_CHROMIUM</c> or /usr/bin/chromium — never downloaded.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private MiraeFactory? _factory;

    public IBrowser Browser { get; private set; } = null!;
    /// <summary>The host, for test data made through the app's own use cases.</summary>
    public MiraeFactory Factory => _factory ?? throw new InvalidOperationException("not started");
    public string BaseUrl { get; private set; } = "";
    public string AxeSource { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe.min.js"));

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("MIRAE_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium not found at {chromium}; tools/test.sh installs Debian's chromium (or set MIRAE_CHROMIUM).");
        }

        // The journeys walk the site as visitors see it: with the demo directory, calls and needs.
        _factory = new MiraeFactory(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        BaseUrl = _factory.StartKestrel().ToString().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserHosts : ICollectionFixture<BrowserFixture>;
