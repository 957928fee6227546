using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.BrowserTests;

[Collection("browser")]
public sealed class EvaluationJourneyTests(BrowserFixture fixture)
{
    // A field no demo evaluator has, so the automatic assignment picks this test's evaluator first.
    private const string Field = "mumu-browser";

    [Fact]
    public async Task StaffAssign_AnEvaluatorDeclaresAConflictOnOneAndScoresAnother_StaffCloseSelectConfirm_TheResultsArePublic()
    {
        var callId = await ProgramData.AddCallAsync(fixture.Factory, "뮤뮤 브라우저 평가 공모");
        var conflicted = await DirectoryData.AddOrganizationAsync(fixture.Factory, "뮤뮤이해관계(주)");
        var scored = await DirectoryData.AddOrganizationAsync(fixture.Factory, "뮤뮤평가대상(주)");
        await EvaluationData.UnderEvaluationAsync(fixture.Factory, callId, conflicted.Id, 40_000_000, Field);
        var scoredApplication = await EvaluationData.UnderEvaluationAsync(fixture.Factory, callId, scored.Id, 60_000_000, Field);
        var expertEmail = Members.UniqueEmail("expert");
        var (_, token) = await EvaluationData.InviteAsync(fixture.Factory, "브라우저위원", fields: [Field], email: expertEmail);
        var evaluatorMember = await Members.RegisterAsync(fixture.Factory, expertEmail);

        // The expert opens the sign-up link signed in and joins the pool.
        var expert = await PageChecks.OpenAsync(fixture);
        await expert.SignInAsync(evaluatorMember.Email!, Members.Password);
        await expert.Page.GotoAsync($"/evaluators/join/{token}");
        await expert.AssertAccessibleAsync("evaluator-join");
        await expert.Page.ClickAsync("[data-testid=join]");
        // A selector of the page arrived at, not WaitForURLAsync: when the redirect has already landed, that waits for a
        // "load" event it can miss, and it timed out once in CI with the page long loaded.
        await expert.Page.WaitForSelectorAsync("[data-testid=flash]");
        Assert.Equal("/evaluations", new Uri(expert.Page.Url).AbsolutePath);

        // Staff see the pool, set the panel to one evaluator per application, and assign.
        var staff = await PageChecks.OpenAsync(fixture);
        await staff.SignInAsync(MiraeFactory.AdminEmail, MiraeFactory.AdminPassword);
        await staff.Page.GotoAsync("/admin/evaluators");
        await staff.Page.WaitForSelectorAsync("[data-testid=evaluators] th:has-text('브라우저위원')");
        await staff.AssertAccessibleAsync("evaluator-pool");
        await staff.Page.GotoAsync($"/admin/calls/{callId}/evaluation");
        await staff.Page.FillAsync("#EvaluatorsPerApplication", "1");
        await staff.Page.ClickAsync("[data-testid=save-panel]");
        await staff.Page.ClickAsync("[data-testid=auto-assign]");
        await staff.Page.WaitForSelectorAsync("[data-testid=flash]:has-text('2건을 배정')");
        await staff.AssertAccessibleAsync("panel-assigned");

        // The evaluator declares a conflict on one application, and scores the other.
        await expert.Page.GotoAsync("/evaluations");
        await expert.AssertAccessibleAsync("my-evaluations");
        await expert.Page.ClickAsync("[data-testid=my-evaluations] tr:has-text('뮤뮤이해관계(주)') a");
        await expert.Page.WaitForSelectorAsync("[data-testid=declare-form]");
        await expert.AssertAccessibleAsync("declare");
        await expert.Page.ClickAsync("label[for=conflicted-yes]");
        await expert.Page.FillAsync("#note", "대표이사와 공동연구 중");
        await expert.Page.ClickAsync("[data-testid=declare]");
        await expert.Page.WaitForSelectorAsync("[data-testid=my-evaluations]");
        Assert.Equal("/evaluations", new Uri(expert.Page.Url).AbsolutePath);
        await expert.Page.ClickAsync("[data-testid=my-evaluations] tr:has-text('뮤뮤평가대상(주)') a");
        await expert.Page.ClickAsync("[data-testid=declare]"); // "없습니다" is the default
        await expert.Page.WaitForSelectorAsync("[data-testid=score-form]");
        Assert.Contains("뮤뮤 시험 과제", await expert.Page.InnerTextAsync("[data-testid=answers]"));
        await expert.AssertAccessibleAsync("score-sheet");
        await expert.Page.FillAsync("#points-0", "36");
        await expert.Page.FillAsync("#points-1", "54");
        await expert.Page.FillAsync("#opinion", "국산화 효과가 큽니다.");
        await expert.Page.ClickAsync("[data-testid=submit-scores]");
        await expert.Page.WaitForSelectorAsync("[data-testid=flash]:has-text('제출했습니다')");

        // Staff close the panel, run the selection, and confirm it with the committee's record.
        await staff.Page.GotoAsync($"/admin/calls/{callId}/evaluation");
        await staff.Page.ClickAsync("[data-testid=close-panel]");
        await staff.Page.WaitForSelectorAsync("[data-testid=aggregate]:has-text('90.00')");
        await staff.Page.ClickAsync("[data-testid=to-selection]");
        await staff.AssertAccessibleAsync("selection-inputs");
        await staff.Page.ClickAsync("[data-testid=run-selection]");
        await staff.Page.WaitForSelectorAsync("[data-testid=optimum]");
        Assert.Contains("1건, 총점 90.00점", await staff.Page.InnerTextAsync("[data-testid=optimum]"));
        await staff.AssertAccessibleAsync("selection-result");
        await staff.Page.FillAsync("#Input_Note", "선정위원회 심의(서면) 결과 원안 확정");
        await staff.Page.ClickAsync("[data-testid=confirm-selection]");
        await staff.Page.WaitForSelectorAsync("[data-testid=results-summary]");
        Assert.EndsWith($"/calls/{callId}/results", new Uri(staff.Page.Url).AbsolutePath, StringComparison.Ordinal);

        // Anyone sees the results and can fetch the inputs to re-run them.
        var visitor = await PageChecks.OpenAsync(fixture);
        await visitor.Page.GotoAsync($"/calls/{callId}");
        await visitor.Page.ClickAsync("[data-testid=results-link]");
        await visitor.Page.WaitForSelectorAsync("[data-testid=results] td:has-text('뮤뮤평가대상(주)')");
        await visitor.AssertAccessibleAsync("results");
        Assert.Contains("60,000,000원", await visitor.Page.InnerTextAsync("[data-testid=results]"));

        // The decision is in the verifiable log: once numbered and signed, the visitor's browser checks it itself.
        await fixture.Factory.Services.GetRequiredService<LedgerSequencer>().RunOnceAsync(CancellationToken.None);
        await visitor.Page.ReloadAsync();
        await visitor.Page.ClickAsync("[data-testid=verify-panel] [data-testid=verify-in-browser]");
        await visitor.Page.WaitForSelectorAsync("[data-testid=verify-panel] .verify-result.ok");
        Assert.StartsWith("검증됨", await visitor.Page.InnerTextAsync("[data-testid=verify-panel] [data-testid=verify-result]"), StringComparison.Ordinal);
        await visitor.AssertAccessibleAsync("results-verified");
        var index = await visitor.Page.GetAttributeAsync("[data-testid=verify-in-browser]", "data-verify-index");
        await staff.Page.GotoAsync($"/applications/{scoredApplication}/award");
        await staff.Page.WaitForSelectorAsync("[data-testid=award-qr]");
        Assert.Contains($"/verify?q={index}", await staff.Page.InnerTextAsync("[data-testid=award-letter]"));
        await staff.AssertAccessibleAsync("award-letter");

        // The confirmation started the selected application's funded task (TaskJourneyTests carries one on from here).
        await staff.Page.GotoAsync("/admin/tasks");
        await staff.Page.ClickAsync("[data-testid=tasks] tr:has-text('뮤뮤평가대상(주)') a >> nth=0");
        await staff.Page.WaitForSelectorAsync("[data-testid=issue-agreement]");
        Assert.Contains("60,000,000원", await staff.Page.InnerTextAsync("[data-testid=task-facts]"));
        await visitor.Page.GotoAsync($"/verify?q={index}");
        await visitor.Page.WaitForSelectorAsync("[data-testid=verify-found]");
        await visitor.AssertAccessibleAsync("verify-page");

        // Someone with database access changes the decision's record: the next checkpoint is refused and staff see it.
        var sequencer = fixture.Factory.Services.GetRequiredService<LedgerSequencer>();
        List<string> selected;
        await using (var db = fixture.Factory.CreateDbContext())
        {
            selected = (await db.SelectionDecisions.AsNoTracking().Where(d => d.CallId == callId).SingleAsync()).Selected.ToList();
            await db.SelectionDecisions.Where(d => d.CallId == callId).ExecuteUpdateAsync(s => s.SetProperty(d => d.Selected, new List<string>()));
        }
        using (var scope = fixture.Factory.Services.CreateScope())
        {
            // The next decision anywhere (a notice) makes the log try to sign: it re-checks every selection against its record.
            await scope.ServiceProvider.GetRequiredService<Mirae.Web.Features.Notices.WriteNotice>().SaveAsync(null,
                new(Mirae.Web.Features.Notices.NoticeCategory.Announcement, "뮤뮤 원장 변조 뒤 공지", null, "본문", null, false, null), CancellationToken.None);
        }
        var refused = await sequencer.RunOnceAsync(CancellationToken.None);
        Assert.NotNull(refused.Alert);
        await staff.Page.GotoAsync("/admin");
        await staff.Page.WaitForSelectorAsync("[data-testid=staff-ledger-alert]");
        await staff.Page.ClickAsync("[data-testid=staff-ledger-alert] a");
        await staff.Page.WaitForSelectorAsync("[data-testid=ledger-refusing]");
        Assert.Contains(refused.Alert.Reason, await staff.Page.InnerTextAsync("[data-testid=ledger-alerts]"));
        await staff.AssertAccessibleAsync("ledger-refusing");
        await using (var db = fixture.Factory.CreateDbContext())
        {
            await db.SelectionDecisions.Where(d => d.CallId == callId).ExecuteUpdateAsync(s => s.SetProperty(d => d.Selected, selected));
        }
        Assert.NotNull((await sequencer.RunOnceAsync(CancellationToken.None)).Checkpoint); // put back, it signs again
    }
}
