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

    public static async Task<PageChecks> OpenAsync(BrowserFixture fixture, int width = 1280, int height = 720)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl, Locale = "ko-KR", ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return new PageChecks(fixture, await context.NewPageAsync());
    }

    /// <summary>Signs in through the sign-in page and waits for the member's name in the header (in the folded menu on a phone).</summary>
    public async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("/account/sign-in");
        await Page.FillAsync("#Input_Email", email);
        await Page.FillAsync("#Input_Password", password);
        await Page.ClickAsync("[data-testid=sign-in-submit]");
        await Page.WaitForSelectorAsync("[data-testid=member-name]", new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>The phone width every visited page is also checked at.</summary>
    public const int PhoneWidth = 390;

    /// <summary>
    /// Checks the current page as a desktop and as a phone shows it: no CSP violation, no serious or critical axe-core
    /// finding (WCAG 2.1 A/AA and best practices) at either width, and at <see cref="PhoneWidth"/> px no sideways
    /// scrolling. A screenshot of each width goes to the artifacts. The viewport is put back afterwards.
    /// </summary>
    public async Task AssertAccessibleAsync(string step)
    {
        // Checked before axe runs: axe-core injects <style> elements of its own, which CSP rightly blocks.
        var csp = _consoleErrors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(csp.Count == 0, $"CSP violations on {step}:\n" + string.Join("\n", csp));

        await AssertAxeCleanAsync(step);
        var desktop = Page.ViewportSize ?? new PageViewportSizeResult { Width = 1280, Height = 720 };
        await Page.SetViewportSizeAsync(PhoneWidth, 844);
        try
        {
            await AssertFitsPhoneAsync(step);
            await AssertAxeCleanAsync(step + "-390");
        }
        finally
        {
            await Page.SetViewportSizeAsync(desktop.Width, desktop.Height);
        }
    }

    /// <summary>
    /// At phone width the document is no wider than the width set (compared with that width, not window.innerWidth,
    /// which Chromium widens to fit overflowing content); on failure it names the elements that stick out, leaving out
    /// those inside a box that scrolls on its own (.table-scroll).
    /// </summary>
    private async Task AssertFitsPhoneAsync(string step)
    {
        var width = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        if (width <= PhoneWidth)
        {
            return;
        }
        var beyond = await Page.EvaluateAsync<string>($$"""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > {{PhoneWidth}} + 1 && !e.closest('.table-scroll'))
                .slice(-6).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '')
                    + ' ' + Math.round(e.getBoundingClientRect().right) + 'px').join(', ')
            """);
        await SaveScreenshotAsync(step + "-too-wide");
        Assert.Fail($"{step} ({Page.Url}) at {PhoneWidth} px is {width} px wide: {beyond}");
    }

    /// <summary>axe-core at the current viewport only (for a state a resize would undo, such as an open phone menu).</summary>
    public async Task AssertAxeCleanAsync(string step)
    {
        if (!await Page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await Page.EvaluateAsync(_fixture.AxeSource);
        }
        var violations = await Page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} @ ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
            }
            """);
        // axe-core's own <style> elements are refused by CSP; those reports are not the page's.
        _consoleErrors.Clear();
        await SaveScreenshotAsync(step);
        var found = violations.EnumerateArray().Select(v => v.GetString()!).ToList();
        Assert.True(found.Count == 0, $"axe-core on {step} ({Page.Url}):\n" + string.Join("\n", found));
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
