using System.Text.Json;
using Microsoft.Playwright;

namespace Mirae.BrowserTests;

/// <summary>What every visited page must satisfy: no serious or critical axe-core violation, no CSP violation.</summary>
public sealed class PageChecks
{
    private readonly BrowserFixture _fixture;
    private readonly List<string> _consoleErrors = [];
    private int _shot;

    public IPage Page { get; }

    private PageChecks(BrowserFixture fixture, IPage page)
    {
        _fixture = fixture;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
    }

    public static async Task<PageChecks> OpenAsync(BrowserFixture fixture)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, Locale = "ko-KR" });
        return new PageChecks(fixture, await context.NewPageAsync());
    }

    /// <summary>Signs in through the sign-in page and waits for the member's name in the header.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("/account/sign-in");
        await Page.FillAsync("#Input_Email", email);
        await Page.FillAsync("#Input_Password", password);
        await Page.ClickAsync("[data-testid=sign-in-submit]");
        await Page.WaitForSelectorAsync("[data-testid=member-name]");
    }

    /// <summary>Runs axe-core (WCAG 2.1 A/AA and best practices) on the current page and fails on serious or critical findings.</summary>
    public async Task AssertAccessibleAsync(string step)
    {
        // Checked before axe runs: axe-core injects <style> elements of its own, which CSP rightly blocks.
        var csp = _consoleErrors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(csp.Count == 0, $"CSP violations on {step}:\n" + string.Join("\n", csp));

        await Page.EvaluateAsync(_fixture.AxeSource);
        var violations = await Page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} @ ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
            }
            """);
        await SaveScreenshotAsync(step);
        var found = violations.EnumerateArray().Select(v => v.GetString()!).ToList();
        Assert.True(found.Count == 0, $"axe-core on {step} ({Page.Url}):\n" + string.Join("\n", found));
        _consoleErrors.Clear();
    }

    private async Task SaveScreenshotAsync(string step)
    {
        if (Environment.GetEnvironmentVariable("MIRAE_TEST_ARTIFACTS") is { Length: > 0 } folder)
        {
            var name = $"{++_shot:D2}-{string.Concat(step.Select(c => char.IsLetterOrDigit(c) ? c : '-'))}.png";
            Directory.CreateDirectory(Path.Combine(folder, "screenshots"));
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "screenshots", name), FullPage = true });
        }
    }
}
