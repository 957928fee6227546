using Microsoft.Playwright;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.BrowserTests;

[Collection("browser")]
public sealed class ApplicationJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task StaffPublishACall_AMemberAppliesResumesAttachesAndSubmits_StaffReturnIt_TheMemberResubmits_StaffSeeTheDifference()
    {
        var organization = await DirectoryData.AddOrganizationAsync(fixture.Factory, "뮤뮤브라우저바이오(주)");
        var member = await Members.RegisterAsync(fixture.Factory, kind: MemberKind.CompanyMember);
        await DirectoryData.LinkAsync(fixture.Factory, member.Id, organization.Id);
        // Staff create and publish the call, with a section asked only of continuing projects.
        var staff = await PageChecks.OpenAsync(fixture);
        await staff.Page.GotoAsync("/account/sign-in");
        await staff.Page.FillAsync("#Input_Email", MiraeFactory.AdminEmail);
        await staff.Page.FillAsync("#Input_Password", MiraeFactory.AdminPassword);
        await staff.Page.ClickAsync("[data-testid=sign-in-submit]");
        await staff.Page.WaitForSelectorAsync("[data-testid=member-name]");
        await staff.Page.GotoAsync("/admin/calls/new");
        var kstNow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9));
        await staff.Page.SelectOptionAsync("#Input_ProgramId", new SelectOptionValue { Index = 1 });
        await staff.Page.FillAsync("#Input_TitleKo", "뮤뮤 브라우저 신청 공모");
        await staff.Page.FillAsync("#Input_TitleEn", "Mumu browser application call");
        await staff.Page.FillAsync("#Input_OpensAt", kstNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await staff.Page.FillAsync("#Input_TotalBudget", "500000000");
        await staff.Page.FillAsync("#Input_PerTaskCap", "100000000");
        await staff.Page.FillAsync("#Input_RequiredDocuments", "사업계획서 | Business plan\n재무제표 | Financial statements");
        await staff.Page.FillAsync("#Input_Rubric", "기술성 | Technology | 60 | 60\n사업성 | Business | 40 | 40");
        await staff.Page.FillAsync("#Input_Form", ProgramData.FormText);
        await staff.Page.ClickAsync("[data-testid=save-call]");
        await staff.Page.ClickAsync("[data-testid=publish-call]");
        await staff.Page.WaitForSelectorAsync("[data-testid=extend-form]");
        var callId = int.Parse(new Uri(staff.Page.Url).AbsolutePath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

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

        // Staff screen it and return it for changes.
        await staff.Page.GotoAsync($"/admin/calls/{callId}/applications");
        await staff.AssertAccessibleAsync("call-applications");
        await staff.Page.ClickAsync("[data-testid=applications] tbody a");
        await staff.Page.WaitForSelectorAsync("[data-testid=review-form]");
        await staff.AssertAccessibleAsync("review");
        await staff.Page.FillAsync("#message", "과제명을 더 구체적으로 적어 주세요.");
        await staff.Page.ClickAsync("[data-testid=return]");
        await staff.Page.WaitForSelectorAsync("[data-testid=flash]");

        // The member sees the request, changes the title and resubmits.
        await page.GotoAsync("/notifications");
        await page.ClickAsync("[data-testid=inbox] button >> nth=0");
        await page.WaitForSelectorAsync("[data-testid=returned]");
        Assert.Contains("과제명을 더 구체적으로", await page.InnerTextAsync("[data-testid=staff-message]"));
        await checks.AssertAccessibleAsync("application-returned");
        await page.FillAsync("#answer-title", "무혈청 CHO 배지 국산화 및 송도 실증");
        await page.ClickAsync("[data-testid=submit-application]");
        await page.WaitForSelectorAsync("[data-testid=flash]");

        // Staff see what changed between the two submissions.
        await staff.Page.ReloadAsync();
        await staff.Page.WaitForSelectorAsync("[data-testid=changes]");
        var changes = await staff.Page.InnerTextAsync("[data-testid=changes]");
        Assert.Contains("무혈청 CHO 배지 국산화", changes);
        Assert.Contains("무혈청 CHO 배지 국산화 및 송도 실증", changes);
        await staff.AssertAccessibleAsync("review-changes");
    }
}
