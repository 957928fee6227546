using Microsoft.Playwright;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.BrowserTests;

[Collection("browser")]
public sealed class ApplicationJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Member_Applies_LeavesAndResumesTheDraft_AttachesFiles_AndSubmitsForAReceipt()
    {
        var organization = await DirectoryData.AddOrganizationAsync(fixture.Factory, "뮤뮤브라우저바이오(주)");
        var member = await Members.RegisterAsync(fixture.Factory, kind: MemberKind.CompanyMember);
        await DirectoryData.LinkAsync(fixture.Factory, member.Id, organization.Id);
        var callId = await ProgramData.AddCallAsync(fixture.Factory, "뮤뮤 브라우저 신청 공모");
        var checks = await PageChecks.OpenAsync(fixture);
        var page = checks.Page;
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Input_Email", member.Email!);
        await page.FillAsync("#Input_Password", Members.Password);
        await page.ClickAsync("[data-testid=sign-in-submit]");
        await page.WaitForSelectorAsync("[data-testid=member-name]");

        await page.GotoAsync($"/calls/{callId}");
        await page.ClickAsync("[data-testid=apply]");
        await checks.AssertAccessibleAsync("apply");
        await page.ClickAsync("[data-testid=start-application]");
        await page.WaitForSelectorAsync("[data-testid=answers-form]");
        Assert.Contains("뮤뮤브라우저바이오(주)", await page.InnerTextAsync("[data-testid=company-profile]"));
        await page.FillAsync("#answer-title", "무혈청 CHO 배지 국산화");
        await page.FillAsync("#answer-summary", "송도 수요기업과 함께 개발합니다.");
        await page.FillAsync("#answer-amount", "50000000");
        Assert.True(await page.IsHiddenAsync("section[data-section=previous]"));
        await page.ClickAsync("label[for=answer-kind-continuing]");
        // The section for continuing projects opens as soon as that answer is chosen.
        await page.WaitForSelectorAsync("section[data-section=previous]", new() { State = WaitForSelectorState.Visible });
        await page.FillAsync("#answer-previousTask", "RS-2025-0042");
        await page.Locator("#answer-previousTask").BlurAsync();
        await page.WaitForSelectorAsync("[data-testid=autosave-status]:has-text('자동 저장')");
        await checks.AssertAccessibleAsync("application-draft");

        await page.GotoAsync("/");
        await page.ClickAsync("nav a[href='/my/applications']");
        await checks.AssertAccessibleAsync("my-applications");
        await page.ClickAsync("[data-testid=my-applications] a:has-text('뮤뮤 브라우저 신청 공모')");
        await page.WaitForSelectorAsync("[data-testid=answers-form]");
        Assert.Equal("RS-2025-0042", await page.InputValueAsync("#answer-previousTask"));
        Assert.True(await page.IsVisibleAsync("section[data-section=previous]"));

        foreach (var (slot, name) in new[] { ("plan", "사업계획서.pdf"), ("document-1", "계획서.pdf"), ("document-2", "재무제표.pdf") })
        {
            await page.SetInputFilesAsync($"#file-{slot}", new FilePayload { Name = name, MimeType = "application/pdf", Buffer = Files.Pdf() });
            await page.ClickAsync($"[data-testid=upload-{slot}]");
            await page.WaitForSelectorAsync($"[data-testid=slot-{slot}] li:has-text('{name}')");
        }
        await checks.AssertAccessibleAsync("application-attached");
        await page.ClickAsync("[data-testid=submit-application]");
        await page.WaitForSelectorAsync("[data-testid=receipt-number]");
        Assert.Matches(@"^\d{4}-\d{3}-\d{5}$", await page.InnerTextAsync("[data-testid=receipt-number]"));
        await checks.AssertAccessibleAsync("application-submitted");
    }
}
