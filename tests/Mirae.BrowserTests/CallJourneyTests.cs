using Microsoft.Playwright;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.BrowserTests;

[Collection("browser")]
public sealed class CallJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Staff_DraftPublishAndExtendACall_TheVisitorFindsItOnTheBoard()
    {
        var staff = await PageChecks.OpenAsync(fixture);
        var page = staff.Page;
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Input_Email", MiraeFactory.AdminEmail);
        await page.FillAsync("#Input_Password", MiraeFactory.AdminPassword);
        await page.ClickAsync("[data-testid=sign-in-submit]");
        await page.WaitForSelectorAsync("[data-testid=member-name]");
        var title = "뮤뮤 브라우저 공모 " + Guid.NewGuid().ToString("N")[..6];

        await page.ClickAsync(".mirae-nav a[href='/admin']");
        await page.WaitForSelectorAsync("[data-testid=staff-areas]");
        await staff.AssertAccessibleAsync("staff-home");
        await page.ClickAsync(".staff-nav a[href='/admin/calls']");
        Assert.Equal("page", await page.GetAttributeAsync(".staff-nav a[href='/admin/calls']", "aria-current"));
        await staff.AssertAccessibleAsync("admin-calls");
        await page.ClickAsync("[data-testid=new-call]");
        await staff.AssertAccessibleAsync("call-new");
        await page.SelectOptionAsync("#Input_ProgramId", new SelectOptionValue { Index = 1 });
        await page.FillAsync("#Input_TitleKo", title);
        await page.FillAsync("#Input_TitleEn", "Mumu browser call");
        await page.FillAsync("#Input_TotalBudget", "300000000");
        await page.FillAsync("#Input_PerTaskCap", "500000000");
        await page.ClickAsync("label[for=Input_Kinds_Supplier]");
        Assert.True(await page.IsCheckedAsync("#Input_Kinds_Supplier"));
        await page.FillAsync("#Input_RequiredDocuments", "사업계획서 | Business plan");
        await page.FillAsync("#Input_Rubric", "기술성 | Technology | 60 | 60\n사업성 | Business | 40 | 40");
        await page.FillAsync("#Input_Form", ProgramData.FormText);
        await page.ClickAsync("[data-testid=save-call]");
        // The cap is above the budget: the page says so on the field and keeps what was typed.
        await page.WaitForSelectorAsync("#Input_PerTaskCap-error");
        Assert.Equal(title, await page.InputValueAsync("#Input_TitleKo"));
        await staff.AssertAccessibleAsync("call-new-invalid");
        await page.FillAsync("#Input_PerTaskCap", "50000000");
        await page.ClickAsync("[data-testid=save-call]");
        await page.WaitForSelectorAsync("[data-testid=publish-call]");
        await staff.AssertAccessibleAsync("call-draft");
        await page.ClickAsync("[data-testid=publish-call]");
        await page.WaitForSelectorAsync("[data-testid=extend-form]");
        await page.FillAsync("#Extension_Reason", "설명회 일정 변경");
        await page.ClickAsync("[data-testid=extend-call]");
        await page.WaitForSelectorAsync("[data-testid=extensions]");
        await staff.AssertAccessibleAsync("call-published");

        var visitor = await PageChecks.OpenAsync(fixture);
        await visitor.Page.GotoAsync("/");
        await visitor.Page.ClickAsync("nav a[href='/calls']");
        await visitor.AssertAccessibleAsync("calls-open");
        await visitor.Page.ClickAsync("[data-testid=phase-Upcoming]");
        await visitor.Page.ClickAsync($"a:has-text('{title}')");
        await visitor.Page.WaitForSelectorAsync("[data-testid=call-title]");
        Assert.Contains("설명회 일정 변경", await visitor.Page.InnerTextAsync("[data-testid=extensions]"));
        Assert.Contains("사업계획서", await visitor.Page.InnerTextAsync("[data-testid=required-documents]"));
        Assert.Contains("과제 유형: 계속인 경우에만", await visitor.Page.InnerTextAsync("main"));
        await visitor.AssertAccessibleAsync("call-details");
    }
}
