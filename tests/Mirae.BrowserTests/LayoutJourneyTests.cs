using Microsoft.Playwright;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.BrowserTests;

/// <summary>
/// The site's frame on a phone (390 px), by keyboard: the menu button opens a full-screen menu that keeps focus inside
/// and closes with Escape; the language switch stays in the header; staff pages fold their grouped side navigation
/// behind a button. On a desktop the same menu is the header's navigation.
/// </summary>
[Collection("browser")]
public sealed class LayoutJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task OnAPhone_TheMenuButtonOpensTheMenu_FocusStaysInside_AndEscapeClosesIt()
    {
        var checks = await PageChecks.OpenAsync(fixture, PageChecks.PhoneWidth, 844);
        var page = checks.Page;
        await page.GotoAsync("/");
        await checks.AssertAccessibleAsync("phone-home");

        Assert.True(await page.IsVisibleAsync("[data-testid=lang-en]"), "the language switch is in the phone header");
        Assert.False(await page.IsVisibleAsync(".mirae-nav a[href='/calls']"), "the menu starts closed");
        var toggle = page.Locator("[data-testid=menu-toggle]");
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-expanded"));

        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-expanded"));
        Assert.True(await page.IsVisibleAsync(".mirae-nav a[href='/calls']"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('site-menu').contains(document.activeElement)"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('main').closest('[inert]') !== null"), "the page behind is inert");
        // Tab through every stop in the menu and one more: focus never leaves it.
        var stops = await page.Locator("#site-menu a:visible, #site-menu button:visible").CountAsync();
        for (var i = 0; i <= stops; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('site-menu').contains(document.activeElement) || document.activeElement === document.body"),
                $"focus left the menu after {i + 1} Tab presses");
        }
        await checks.AssertAxeCleanAsync("phone-menu-open");

        await page.Keyboard.PressAsync("Escape");
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-expanded"));
        Assert.False(await page.IsVisibleAsync(".mirae-nav a[href='/calls']"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement?.getAttribute('data-testid') === 'menu-toggle'"), "focus returns to the menu button");
        Assert.False(await page.EvaluateAsync<bool>("() => document.getElementById('main').closest('[inert]') !== null"));

        // Opened again, a link in it goes where it says.
        await toggle.ClickAsync();
        await page.ClickAsync(".mirae-nav a[href='/calls']");
        await page.WaitForURLAsync("**/calls", new() { WaitUntil = WaitUntilState.DOMContentLoaded }); // not "load": under a loaded CI it once waited out 30 s
        Assert.Equal("page", await page.GetAttributeAsync(".mirae-nav a[href='/calls']", "aria-current"));
        await checks.AssertAccessibleAsync("phone-calls");
    }

    [Fact]
    public async Task OnAPhone_StaffFoldTheirGroupedMenu_AndOnADesktopSeeItBesideThePage()
    {
        var checks = await PageChecks.OpenAsync(fixture, PageChecks.PhoneWidth, 844);
        var page = checks.Page;
        await checks.SignInAsync(MiraeFactory.AdminEmail, MiraeFactory.AdminPassword);

        await page.GotoAsync("/admin/memberships");
        Assert.False(await page.IsVisibleAsync(".staff-nav a[href='/admin/calls']"), "folded on a phone");
        await page.ClickAsync(".staff-nav-toggle");
        Assert.True(await page.IsVisibleAsync(".staff-nav a[href='/admin/calls']"));
        Assert.Equal("page", await page.GetAttributeAsync(".staff-nav a[href='/admin/memberships']", "aria-current"));
        Assert.Contains("업무 관리", await page.InnerTextAsync(".krds-breadcrumb-wrap"));
        await checks.AssertAccessibleAsync("phone-staff-menu");

        await page.SetViewportSizeAsync(1280, 900);
        Assert.False(await page.IsVisibleAsync(".staff-nav-toggle"));
        Assert.True(await page.IsVisibleAsync(".staff-nav a[href='/admin/notices']"));
        Assert.True(await page.IsVisibleAsync(".mirae-nav a[href='/admin']"), "one staff entry in the main menu");
        Assert.False(await page.IsVisibleAsync(".mirae-nav a[href='/admin/calls']"), "the staff pages are not in the main menu");
    }
}
