using Microsoft.Playwright;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.BrowserTests;

/// <summary>A funded task from its plan to the first payment, in Chromium with axe-core on each page at both widths.</summary>
[Collection("browser")]
public sealed class TaskJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheCompanyPlans_StaffIssueTheAgreement_TheCompanyAcceptsByKeyboard_StaffPayTheFirstTranche()
    {
        var organization = await DirectoryData.AddOrganizationAsync(fixture.Factory, "뮤뮤브라우저과제(주)");
        var taskId = await TaskData.SelectedTaskAsync(fixture.Factory, organization.Id, 80_000_000);
        var memberUser = await Members.RegisterAsync(fixture.Factory, kind: MemberKind.CompanyMember);
        await DirectoryData.LinkAsync(fixture.Factory, memberUser.Id, organization.Id);

        // The company's member finds the task and plans it: the grant on personnel and materials, the own share in cash.
        var member = await PageChecks.OpenAsync(fixture);
        await member.SignInAsync(memberUser.Email!, Members.Password);
        await member.Page.GotoAsync("/tasks");
        await member.AssertAccessibleAsync("my-tasks");
        await member.Page.ClickAsync($"[data-testid=tasks] a[href='/tasks/{taskId}'] >> nth=0");
        await member.Page.WaitForSelectorAsync("[data-testid=plan-form]");
        await member.AssertAccessibleAsync("task-planning");
        await member.Page.FillAsync("#Plan_Grant_0_", "60000000");
        await member.Page.FillAsync("#Plan_OwnCash_0_", "30000000");
        await member.Page.FillAsync("#Plan_Grant_4_", "20000000");
        await member.Page.ClickAsync("[data-testid=save-plan]");
        await member.Page.WaitForSelectorAsync("[data-testid=flash]");
        Assert.Contains("110,000,000", await member.Page.InnerTextAsync("[data-testid=budget-total]"));
        await member.Page.FillAsync("#Researcher_ResearcherNumber", "31000001");
        await member.Page.FillAsync("#Researcher_Name", "최책임");
        await member.Page.SelectOptionAsync("#Researcher_Role", "PrincipalInvestigator");
        await member.Page.FillAsync("#Researcher_RatePercent", "30");
        await member.Page.ClickAsync("[data-testid=add-researcher]");
        await member.Page.WaitForSelectorAsync("[data-testid=researchers] th:has-text('최책임')");

        // Staff issue the agreement from the plan.
        var staff = await PageChecks.OpenAsync(fixture);
        await staff.SignInAsync(MiraeFactory.AdminEmail, MiraeFactory.AdminPassword);
        await staff.Page.GotoAsync("/admin/tasks");
        await staff.AssertAccessibleAsync("admin-tasks");
        await staff.Page.GotoAsync($"/tasks/{taskId}");
        await staff.AssertAccessibleAsync("task-staff");
        await staff.Page.ClickAsync("[data-testid=issue-agreement]");
        await staff.Page.WaitForSelectorAsync("[data-testid=agreement-pdf-1]");

        // The member accepts it by keyboard, typing the password again.
        await member.Page.GotoAsync($"/tasks/{taskId}");
        await member.AssertAccessibleAsync("task-accept");
        await member.Page.FocusAsync("#Password");
        await member.Page.Keyboard.TypeAsync(Members.Password);
        await member.Page.Keyboard.PressAsync("Enter");
        await member.Page.WaitForSelectorAsync("[data-testid=task-status]:has-text('수행 중')");

        // Staff record the first tranche; the member sees it paid.
        await staff.Page.GotoAsync($"/tasks/{taskId}");
        await staff.Page.ClickAsync("[data-testid=pay-1]");
        await staff.Page.WaitForSelectorAsync("[data-testid=paid-1]");
        await member.Page.GotoAsync($"/tasks/{taskId}");
        await member.Page.WaitForSelectorAsync("[data-testid=paid-1]");
        await member.AssertAccessibleAsync("task-running");

        // A small move between categories is only notified: in force at once as version 2, shown before and after.
        await member.Page.FillAsync("[data-testid=change-form] #Plan_Grant_0_", "58000000");
        await member.Page.FillAsync("[data-testid=change-form] #Plan_Grant_4_", "22000000");
        await member.Page.FillAsync("#Reason", "시약 단가 상승");
        await member.Page.ClickAsync("[data-testid=request-change]");
        await member.Page.WaitForSelectorAsync("[data-testid=flash]");
        Assert.Contains("적용됨", await member.Page.InnerTextAsync("[data-testid^=change-][data-testid$=-status]"));
        await member.AssertAccessibleAsync("task-changed");

        // A longer period needs approval: staff see it before and after, and approve it.
        var endsOn = DateOnly.ParseExact(await member.Page.InputValueAsync("[data-testid=change-form] #Plan_EndsOn"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await member.Page.FillAsync("[data-testid=change-form] #Plan_EndsOn", endsOn.AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await member.Page.FillAsync("#Reason", "시험 장비 납기 지연");
        await member.Page.ClickAsync("[data-testid=request-change]");
        await member.Page.WaitForSelectorAsync("[data-testid=flash]");
        await staff.Page.GotoAsync($"/tasks/{taskId}");
        await staff.Page.WaitForSelectorAsync("[data-testid^=approve-]");
        await staff.AssertAccessibleAsync("task-change-review");
        await staff.Page.ClickAsync("[data-testid^=approve-]");
        await staff.Page.WaitForSelectorAsync("[data-testid=flash]");
        Assert.Equal(3, await staff.Page.Locator("[data-testid=agreements] li").CountAsync());

        // An expense with its receipt, on a weekday inside the period.
        await member.Page.ClickAsync("[data-testid=expenses-link]");
        await member.Page.WaitForSelectorAsync("[data-testid=expense-form]");
        var startsOn = DateOnly.ParseExact((await member.Page.GetAttributeAsync("#Expense_SpentOn", "min")) ?? "", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var weekday = Enumerable.Range(0, 7).Select(startsOn.AddDays).First(d => d.DayOfWeek == DayOfWeek.Wednesday);
        await member.Page.FillAsync("#Expense_SpentOn", weekday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await member.Page.SelectOptionAsync("#Expense_Category", "Materials");
        await member.Page.FillAsync("#Expense_Amount", "3000000");
        await member.Page.FillAsync("#Expense_VendorNumber", "124-81-00998");
        await member.Page.FillAsync("#Expense_VendorName", "인천시약(주)");
        await member.Page.FillAsync("#Expense_Purpose", "배지 원료");
        await member.Page.SetInputFilesAsync("#Expense_Evidence", new FilePayload { Name = "영수증.pdf", MimeType = "application/pdf", Buffer = Files.Pdf() });
        await member.Page.ClickAsync("[data-testid=add-expense]");
        await member.Page.WaitForSelectorAsync("[data-testid=expenses] a:has-text('영수증.pdf')");
        await member.AssertAccessibleAsync("task-expenses");

        // Staff settle: one line disallowed with its reason, shared; the company objects once; staff finalize.
        await staff.Page.GotoAsync($"/tasks/{taskId}/settlement");
        await staff.Page.ClickAsync("[data-testid=start-settlement]");
        await staff.Page.WaitForSelectorAsync("[data-testid=share-settlement]");
        await staff.Page.FillAsync("[data-testid=settlement-lines] input[name=amount]", "500000");
        await staff.Page.FillAsync("[data-testid=settlement-lines] input[name=Reason]", "과제와 무관한 시약");
        await staff.Page.ClickAsync("[data-testid^=disallow-]");
        await staff.Page.WaitForSelectorAsync("[data-testid=flash]");
        await staff.AssertAccessibleAsync("settlement-staff");
        await staff.Page.ClickAsync("[data-testid=share-settlement]");
        await staff.Page.WaitForSelectorAsync("[data-testid=finalize-settlement]");
        await member.Page.GotoAsync($"/tasks/{taskId}/settlement");
        Assert.Contains("과제와 무관한 시약", await member.Page.InnerTextAsync("[data-testid=settlement-lines]"));
        await member.Page.FillAsync("#Reason", "연구에 쓴 시약입니다");
        await member.Page.ClickAsync("[data-testid=object]");
        await member.Page.WaitForSelectorAsync("[data-testid=objection]");
        await member.AssertAccessibleAsync("settlement-objected");
        await staff.Page.GotoAsync($"/tasks/{taskId}/settlement");
        await staff.Page.ClickAsync("[data-testid=finalize-settlement]");
        await staff.Page.WaitForSelectorAsync("[data-testid=settlement-state]:has-text('정산 완료')");
        await staff.AssertAccessibleAsync("settlement-final");
    }
}
