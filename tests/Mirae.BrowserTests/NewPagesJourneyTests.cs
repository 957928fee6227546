using Microsoft.Playwright;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.BrowserTests;

/// <summary>
/// The pages issue 17 added, as their users open them (every check, at 1280 and 390 px, is PageChecks').
/// </summary>
[Collection("browser")]
public sealed class NewPagesJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Staff_WriteANotice_ReadTheAuditLog_AndOpenAReceipt()
    {
        var callId = await ProgramData.AddCallAsync(fixture.Factory, "뮤뮤 브라우저 접수증 공모");
        var organization = await DirectoryData.AddOrganizationAsync(fixture.Factory, "뮤뮤접수증(주)");
        var applicationId = await EvaluationData.ScreenedInAsync(fixture.Factory, callId, organization.Id, 45_000_000);
        var staff = await PageChecks.OpenAsync(fixture);
        await staff.SignInAsync(MiraeFactory.AdminEmail, MiraeFactory.AdminPassword);
        var page = staff.Page;

        await page.GotoAsync("/admin/notices/new");
        await staff.AssertAccessibleAsync("notice-new");
        await page.SelectOptionAsync("#Input_Category", "Event");
        await page.FillAsync("#Input_TitleKo", "뮤뮤 바이오 원부자재 설명회 안내");
        await page.FillAsync("#Input_BodyKo", "설명회 일정과 장소를 안내합니다.\n사전 신청을 받습니다.");
        await page.ClickAsync("label[for=Input_Pinned]"); // KRDS draws the box on the label
        await page.ClickAsync("[data-testid=save-notice]");
        await page.WaitForSelectorAsync("[data-testid=flash]");
        await staff.AssertAccessibleAsync("notice-edit");
        await page.GotoAsync("/admin/notices");
        await staff.AssertAccessibleAsync("notice-admin-list");

        await page.GotoAsync("/admin/audit?action=notice.changed");
        await page.WaitForSelectorAsync("[data-testid=audit-log] td:has-text('notice.changed')");
        await staff.AssertAccessibleAsync("audit-log");

        await page.GotoAsync($"/applications/{applicationId}/receipt");
        await page.WaitForSelectorAsync("[data-testid=receipt] dd:has-text('45,000,000원')");
        await staff.AssertAccessibleAsync("receipt");
    }

    [Fact]
    public async Task Member_EditsTheCompanyProfile_AndInvitesAColleague_ByKeyboard()
    {
        var organization = await DirectoryData.AddOrganizationAsync(fixture.Factory, "뮤뮤프로필(주)");
        var member = await Members.RegisterAsync(fixture.Factory, kind: MemberKind.CompanyMember);
        await DirectoryData.LinkAsync(fixture.Factory, member.Id, organization.Id);
        var checks = await PageChecks.OpenAsync(fixture);
        await checks.SignInAsync(member.Email!, Members.Password);
        var page = checks.Page;

        await page.GotoAsync("/my/organization");
        await page.ClickAsync("[data-testid=edit-organization]");
        await page.WaitForSelectorAsync("#Input_NameKo");
        await checks.AssertAccessibleAsync("organization-edit");
        await page.FillAsync("#Input_NameEn", "Mumu Profile Co., Ltd.");
        await page.FocusAsync("[data-testid=save-organization]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[data-testid=flash]");
        Assert.Contains("기업 정보를 저장했습니다", await page.InnerTextAsync("[data-testid=flash]"));

        await page.GotoAsync("/my/organization");
        await page.FillAsync($"#invite-{organization.Id}", Members.UniqueEmail("colleague"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[data-testid=invite-link]");
        await checks.AssertAccessibleAsync("colleague-invited");
    }
}
