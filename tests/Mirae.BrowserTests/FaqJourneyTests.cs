using Microsoft.Playwright;

namespace Mirae.BrowserTests;

[Collection("browser")]
public sealed class FaqJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Visitor_FindsAQuestion_AndOpensItsAnswer_ByKeyboard()
    {
        var checks = await PageChecks.OpenAsync(fixture);
        var page = checks.Page;

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "자주 묻는 질문", Exact = true }).First.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=faq-Account]");
        await checks.AssertAccessibleAsync("faq");

        await page.GetByLabel("질문 검색").FillAsync("인증서");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[data-testid=faq-Directory]");
        Assert.Equal(0, await page.Locator("[data-testid=faq-Programs]").CountAsync());
        var question = page.Locator("summary", new() { HasText = "인증서 유효기간이 지나면" });
        await question.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        Assert.True(await page.Locator("details.faq-entry[open] p", new() { HasText = "만료 30일 전" }).IsVisibleAsync());
        await checks.AssertAccessibleAsync("faq-search");
    }
}
