using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Mirae.BrowserTests;

[Collection("browser")]
public sealed class JourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Visitor_SwitchesToEnglish_Registers_SignsIn_AndSignsOut()
    {
        var checks = await PageChecks.OpenAsync(fixture);
        var page = checks.Page;
        var email = $"journey-{Guid.NewGuid():N}@example.kr";

        await page.GotoAsync("/");
        Assert.Equal("ko", await page.GetAttributeAsync("html", "lang"));
        await checks.AssertAccessibleAsync("home-ko");

        await page.ClickAsync("[data-testid=lang-en]");
        await page.WaitForSelectorAsync("html[lang=en]");
        Assert.Contains("Latest notices", await page.InnerTextAsync("main"));
        await checks.AssertAccessibleAsync("home-en");

        await page.GetByRole(AriaRole.Link, new() { Name = "Register", Exact = true }).ClickAsync();
        await checks.AssertAccessibleAsync("register-choose");
        await page.ClickAsync("[data-testid=kind-citizen]");
        await checks.AssertAccessibleAsync("register-form");

        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Name").FillAsync("Kim Citizen");
        await page.GetByLabel("Password", new() { Exact = false }).First.FillAsync("journey-pass-7!");
        await page.GetByLabel("Confirm password").FillAsync("journey-pass-7!");
        await page.ClickAsync("label[for=consent-all]"); // agree to all checks every box…
        Assert.True(await page.IsCheckedAsync("#consent-email-news"));
        await page.ClickAsync("label[for=consent-email-news]"); // …and leaving one out unchecks "all"
        Assert.False(await page.IsCheckedAsync("#consent-all"));
        Assert.True(await page.IsCheckedAsync("#consent-age-14"));
        Assert.False(await page.IsCheckedAsync("#consent-email-news"));
        await page.ClickAsync("[data-testid=register-submit]");

        await page.WaitForSelectorAsync("[data-testid=flash]");
        Assert.Contains("We sent an e-mail", await page.InnerTextAsync("[data-testid=flash]"));

        // The link of the sign-up e-mail (its notification is the outbox row the e-mail is sent from).
        string link;
        await using (var db = fixture.Factory.CreateDbContext())
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            link = await db.Notifications.Where(n => n.RecipientId == userId && n.MessageKey == "Notification.ConfirmEmail").Select(n => n.Link!).SingleAsync();
        }
        Assert.DoesNotContain("journey-", page.Url); // the address stays out of the URL
        await page.GotoAsync(link);
        await checks.AssertAccessibleAsync("confirm-email");
        await page.ClickAsync("[data-testid=confirm-email]");
        await page.WaitForSelectorAsync("[data-testid=member-name]"); // confirmed and signed in
        Assert.Contains("Kim Citizen", await page.InnerTextAsync("[data-testid=member-name]"));
        await checks.AssertAccessibleAsync("home-signed-in");

        await page.ClickAsync("[data-testid=sign-out]");
        await page.WaitForSelectorAsync("text=Sign in");
        Assert.Equal(0, await page.Locator("[data-testid=member-name]").CountAsync());
        await checks.AssertAccessibleAsync("home-signed-out");

        await page.GotoAsync("/account/sign-in");
        await checks.AssertAccessibleAsync("sign-in");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", "journey-pass-7!");
        await page.ClickAsync("[data-testid=sign-in-submit]");
        await page.WaitForSelectorAsync("[data-testid=member-name]");
        Assert.Contains("Kim Citizen", await page.InnerTextAsync("[data-testid=member-name]"));
    }

    [Fact]
    public async Task Register_WithMistakes_ShowsAccessibleErrorsAndKeepsTheInput()
    {
        var checks = await PageChecks.OpenAsync(fixture);
        var page = checks.Page;

        await page.GotoAsync("/account/register?kind=company");
        await page.FillAsync("#Input_Email", "company@example.kr");
        await page.FillAsync("#Input_BusinessNumber", "124-81-00999");
        await page.ClickAsync("[data-testid=register-submit]");

        await page.WaitForSelectorAsync("[data-testid=form-errors]");
        Assert.Equal("company@example.kr", await page.InputValueAsync("#Input_Email"));
        Assert.Equal("true", await page.GetAttributeAsync("#Input_DisplayName", "aria-invalid"));
        // the business-number check speaks in the same round as the missing fields
        Assert.Equal("true", await page.GetAttributeAsync("#Input_BusinessNumber", "aria-invalid"));
        Assert.Contains("사업자등록번호가 올바르지 않습니다", await page.InnerTextAsync("[data-testid=form-errors]"));
        await checks.AssertAccessibleAsync("register-errors");
    }

    [Theory]
    [InlineData("/notices")]
    [InlineData("/privacy")]
    [InlineData("/terms")]
    [InlineData("/account/sign-in")]
    [InlineData("/no-such-page")]
    public async Task PublicPages_PassAxe(string path)
    {
        var checks = await PageChecks.OpenAsync(fixture);

        await checks.Page.GotoAsync(path);

        await checks.AssertAccessibleAsync(path);
    }

    [Fact]
    public async Task Keyboard_FirstTabReachesTheSkipLink_WhichMovesFocusToTheContent()
    {
        var checks = await PageChecks.OpenAsync(fixture);
        var page = checks.Page;
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        var first = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
        await page.Keyboard.PressAsync("Enter");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.id");

        Assert.Equal("#main", first);
        Assert.Equal("main", focused);
    }
}
