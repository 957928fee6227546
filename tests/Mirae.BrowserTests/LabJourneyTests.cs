using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Mirae.Web;
using Mirae.Web.Data;
using Mirae.Web.Features.Lab;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Infrastructure;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.BrowserTests;

/// <summary>
/// The SOS Lab from a child's problem to its demonstration, in Chromium with axe-core on each page at both widths: a
/// child signs up, the guardian consents through the link mailed to them (a real SMTP server), the child posts, citizens
/// support it into review, the police answer, it becomes a call, a firm is selected, a trial session is held with
/// feedback, and the public results show the whole way.
/// </summary>
[Collection("browser")]
public sealed partial class LabJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AChildsProblem_GoesFromConsentToDemonstration_AndTheResultsShowItsWholeWay()
    {
        var factory = fixture.Factory;
        var guardianEmail = Members.UniqueEmail("guardian");
        var guardianUser = await Members.RegisterAsync(factory, guardianEmail);
        var childEmail = Members.UniqueEmail("child");
        var nickname = "별빛" + Guid.NewGuid().ToString("N")[..4];

        // Staff open a challenge: two supports send a problem to review.
        var staff = await PageChecks.OpenAsync(fixture);
        await staff.SignInAsync(MiraeFactory.AdminEmail, MiraeFactory.AdminPassword);
        await staff.Page.GotoAsync("/admin/lab");
        await staff.AssertAccessibleAsync("admin-lab");
        var title = "뮤뮤 통학로 " + Guid.NewGuid().ToString("N")[..4];
        await staff.Page.FillAsync("#Form_Title", title);
        await staff.Page.FillAsync("#Form_Description", "학교 가는 길의 위험을 함께 찾습니다.");
        await staff.Page.FillAsync("#Form_Threshold", "2");
        await staff.Page.ClickAsync("[data-testid=challenge-save]");
        await staff.Page.WaitForSelectorAsync("[data-testid=challenge-phase]:has-text('문제 제안')");
        var challengeId = int.Parse(staff.Page.Url.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        // A child signs up by keyboard: no real name, a birth date, the guardian's address.
        var child = await PageChecks.OpenAsync(fixture);
        await child.Page.GotoAsync("/lab");
        await child.AssertAccessibleAsync("lab-home");
        await child.Page.ClickAsync("[data-testid=child-join-link]");
        await child.Page.WaitForSelectorAsync("[data-testid=child-form]");
        await child.AssertAccessibleAsync("child-join");
        await child.Page.FocusAsync("#Child_Nickname");
        await child.Page.Keyboard.TypeAsync(nickname);
        await child.Page.FillAsync("#Child_BirthDate", DateTime.UtcNow.AddYears(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await child.Page.FillAsync("#Child_Email", childEmail);
        await child.Page.FillAsync("#Child_Password", Members.Password);
        await child.Page.FillAsync("#Child_ConfirmPassword", Members.Password);
        await child.Page.FillAsync("#Child_GuardianEmail", guardianEmail);
        await child.Page.ClickAsync("label[for=consent-terms]");
        await child.Page.ClickAsync("label[for=consent-privacy-required]");
        await child.Page.FocusAsync("[data-testid=child-submit]");
        await child.Page.Keyboard.PressAsync("Enter");
        await child.Page.WaitForSelectorAsync("#Input_Email");
        Guid childId;
        string confirm;
        await using (var db = factory.CreateDbContext())
        {
            childId = await db.Users.Where(u => u.Email == childEmail).Select(u => u.Id).SingleAsync();
            confirm = await db.Notifications.Where(n => n.RecipientId == childId && n.MessageKey == "Notification.ConfirmEmail").Select(n => n.Link!).SingleAsync();
        }
        await child.Page.GotoAsync(confirm);
        await child.Page.ClickAsync("[data-testid=confirm-email]");
        await child.Page.WaitForSelectorAsync("[data-testid=member-name]", new() { State = WaitForSelectorState.Attached });
        await child.Page.GotoAsync("/lab");
        await child.Page.WaitForSelectorAsync("[data-testid=consent-pending]");

        // The consent request goes out by e-mail through a real SMTP server; the guardian follows its link.
        await using var smtp = await SmtpListener.StartAsync();
        using (var scope = factory.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var job = new SendConsentRequests(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<Guardians>(),
                Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, From = "Mirae <noreply@mirae.test>" }), services.GetRequiredService<PublicSite>(),
                services.GetRequiredService<IStringLocalizer<SharedResource>>(), services.GetRequiredService<TimeProvider>(), NullLogger<SendConsentRequests>.Instance);
            Assert.StartsWith("1 consent requests sent", await job.RunAsync(CancellationToken.None), StringComparison.Ordinal);
        }
        var mail = Assert.Single(smtp.Messages(), m => m.To.Contains(guardianEmail, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(nickname, mail.Subject);
        var link = new Uri(ConsentLink().Match(mail.Body).Value).PathAndQuery;
        var guardian = await PageChecks.OpenAsync(fixture);
        await guardian.SignInAsync(guardianEmail, Members.Password);
        await guardian.Page.GotoAsync(link);
        await guardian.Page.WaitForSelectorAsync("[data-testid=consent-form]");
        await guardian.AssertAccessibleAsync("guardian-consent");
        await guardian.Page.FillAsync("#GuardianName", "김보호");
        await guardian.Page.ClickAsync("label[for=relation-Parent]");
        await guardian.Page.ClickAsync("label[for=Agreed]");
        await guardian.Page.ClickAsync("[data-testid=consent-submit]");
        await guardian.Page.WaitForSelectorAsync("[data-testid=child]");
        await guardian.AssertAccessibleAsync("guardian-page");

        // The child raises a problem.
        await child.Page.GotoAsync($"/lab/challenges/{challengeId}");
        await child.Page.WaitForSelectorAsync("[data-testid=post-form]");
        await child.AssertAccessibleAsync("lab-challenge");
        await child.Page.FillAsync("#Post_Title", "학교 앞 횡단보도 신호가 너무 짧아요");
        await child.Page.FillAsync("#Post_Description", "초록불이 금방 바뀌어서 친구들이 뛰어서 건너요.");
        await child.Page.SelectOptionAsync("#Post_District", "YeonsuGu");
        await child.Page.ClickAsync("[data-testid=post-submit]");
        await child.Page.WaitForSelectorAsync("[data-testid=problem-title]");
        var problemId = int.Parse(child.Page.Url.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var problemUrl = $"/lab/problems/{problemId}";
        await child.AssertAccessibleAsync("lab-problem-child");

        // Two citizens support it: it goes to review.
        var citizenUser = await LabData.JoinedAsync(factory);
        var citizen = await PageChecks.OpenAsync(fixture);
        await citizen.SignInAsync(citizenUser.Email!, Members.Password);
        await citizen.Page.GotoAsync(problemUrl);
        await citizen.Page.ClickAsync("[data-testid=support]");
        await citizen.Page.WaitForSelectorAsync("[data-testid=supported]");
        await LabData.SupportAsync(factory, problemId, 1);
        await citizen.Page.GotoAsync(problemUrl);
        await citizen.Page.WaitForSelectorAsync("[data-testid=stage]:has-text('기관 검토 중')");

        // A citizen comments, and reports the comment of another: staff see both on the page and in the moderation queue.
        using (var scope = factory.Services.CreateScope())
        {
            var participate = scope.ServiceProvider.GetRequiredService<Participate>();
            var comment = await participate.AddIdeaAsync(problemId, citizenUser.Id, IdeaKind.Comment, "저희 아이도 같은 횡단보도를 건너요. 신호가 정말 짧아요.", CancellationToken.None);
            await participate.ReportAsync(problemId, comment, childId, "제 글과 상관없는 내용 같아요", CancellationToken.None);
        }

        // Staff assign it to the police, who accept it for a solution.
        var (police, _) = await LabData.AgentUserAsync(factory, "police");
        await staff.Page.GotoAsync(problemUrl);
        await staff.Page.SelectOptionAsync("#agencyId", new SelectOptionValue { Label = "인천광역시경찰청" });
        await staff.Page.ClickAsync("[data-testid=assign-form] button");
        await staff.Page.WaitForSelectorAsync("[data-testid=assigned]");
        var agent = await PageChecks.OpenAsync(fixture);
        await agent.SignInAsync(police.Email!, Members.Password);
        await agent.Page.GotoAsync("/lab/agency");
        await agent.AssertAccessibleAsync("lab-agency");
        await agent.Page.GotoAsync(problemUrl);
        await agent.AssertAccessibleAsync("lab-problem-agency");
        await agent.Page.ClickAsync("label[for=kind-Accepted]");
        await agent.Page.FillAsync("#Answer_Reason", "인천경찰청이 보행 신호 안내 솔루션을 공모로 만들겠습니다.");
        await agent.Page.ClickAsync("[data-testid=answer-submit]");
        await agent.Page.WaitForSelectorAsync("[data-testid=answer-kind]");

        // It becomes a call for solutions; a firm is selected and its funded task linked.
        var callId = await ProgramData.AddCallAsync(factory, "뮤뮤 SOS랩 보행 신호 솔루션 공모");
        await staff.Page.GotoAsync(problemUrl);
        await staff.Page.SelectOptionAsync("#CallId", $"{callId}");
        await staff.Page.ClickAsync("[data-testid=link-call-form] button");
        await staff.Page.WaitForSelectorAsync("[data-testid=solution-call]");
        var firm = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤보행안전(주)");
        var taskId = await TaskData.SelectedTaskAsync(factory, firm.Id, 40_000_000, ofCall: callId);
        await staff.Page.GotoAsync(problemUrl);
        await staff.Page.SelectOptionAsync("#TaskId", $"{taskId}");
        await staff.Page.ClickAsync("[data-testid=link-task]");
        await staff.Page.WaitForSelectorAsync("[data-testid=funded-task]:has-text('뮤뮤보행안전')");
        await staff.AssertAccessibleAsync("lab-problem-staff");

        // The challenge moves on to development; staff schedule a trial session; the child signs up with the guardian.
        for (var i = 0; i < 4; i++)
        {
            await staff.Page.GotoAsync("/admin/lab");
            await staff.Page.ClickAsync($"[data-testid=advance-{challengeId}]");
            await staff.Page.WaitForSelectorAsync("[data-testid=flash]");
        }
        await staff.Page.GotoAsync(problemUrl);
        await staff.Page.ClickAsync("summary:has-text('실증 일정 등록')");
        await staff.Page.FillAsync("#Session_Place", "연수구 ○○초등학교 강당");
        await staff.Page.FillAsync("#Session_Capacity", "20");
        await staff.Page.ClickAsync("[data-testid=schedule-submit]");
        await staff.Page.WaitForSelectorAsync("[data-testid=sessions] li");
        await child.Page.GotoAsync(problemUrl);
        await child.Page.ClickAsync("[data-testid=signup-form] label");
        await child.Page.ClickAsync("[data-testid=signup]");
        await child.Page.WaitForSelectorAsync("[data-testid=flash]");

        // The session takes place; the child gives feedback that the firm and the agency read.
        await using (var db = factory.CreateDbContext())
        {
            await db.DemoSessions.Where(s => s.ProblemId == problemId).ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, DateTimeOffset.UtcNow.AddHours(-2)));
        }
        await staff.Page.GotoAsync("/admin/lab");
        await staff.Page.ClickAsync($"[data-testid=advance-{challengeId}]");
        await staff.Page.WaitForSelectorAsync("[data-testid=flash]");
        await child.Page.GotoAsync(problemUrl);
        await child.Page.ClickAsync("[data-testid=feedback-form] label:has-text('4점')");
        await child.Page.FillAsync("[data-testid=feedback-form] textarea", "신호가 길어져서 천천히 건널 수 있었어요.");
        await child.Page.ClickAsync("[data-testid=feedback-submit]");
        await child.Page.WaitForSelectorAsync("[data-testid=feedback-summary]");
        await agent.Page.GotoAsync(problemUrl);
        await agent.Page.WaitForSelectorAsync("[data-testid=feedback-comments]:has-text('천천히 건널 수 있었어요')");

        // The public results show the whole way, with the charts' tables.
        var visitor = await PageChecks.OpenAsync(fixture);
        await visitor.Page.GotoAsync($"/lab/results?Of={challengeId}");
        await visitor.Page.WaitForSelectorAsync("[data-testid=by-stage]");
        await visitor.AssertAccessibleAsync("lab-results");
        var result = visitor.Page.Locator($"[data-testid=result-{problemId}]");
        Assert.Contains("실증 완료", await result.Locator("[data-testid=stage]").InnerTextAsync());
        Assert.Contains("인천경찰청이 보행 신호 안내 솔루션을", await result.Locator("[data-testid=result-answer]").InnerTextAsync());
        Assert.Contains("뮤뮤보행안전", await result.Locator("[data-testid=result-task]").InnerTextAsync());
        Assert.Contains("평균 만족도 4.0점", await result.Locator("[data-testid=result-feedback]").InnerTextAsync());
        var timeline = await result.Locator("[data-testid=result-timeline]").TextContentAsync() ?? "";
        foreach (var step in new[] { "문제 등록", "공감 기준 도달", "담당 기관 지정", "기관 답변: 수용", "솔루션 공모 연결", "기업 선정, 개발 시작", "실증 진행" })
        {
            Assert.Contains(step, timeline);
        }
        Assert.Contains(nickname, await result.InnerTextAsync());
        var html = await visitor.Page.ContentAsync();
        Assert.DoesNotContain(childEmail, html);
        Assert.DoesNotContain(guardianEmail, html);
        await visitor.Page.GotoAsync(problemUrl);
        await visitor.AssertAccessibleAsync("lab-problem-public");
        await staff.Page.GotoAsync("/lab/moderation");
        await staff.AssertAccessibleAsync("lab-moderation");
        await staff.Page.GotoAsync("/lab/data");
        await staff.Page.WaitForSelectorAsync("[data-testid=publish-form]");
        await staff.AssertAccessibleAsync("lab-data-publish");
        await citizen.Page.GotoAsync("/lab/join");
        await citizen.AssertAccessibleAsync("lab-join");
        Assert.Equal("noindex, nofollow", await visitor.Page.GetAttributeAsync("meta[name=robots]", "content"));
    }

    [GeneratedRegex(@"https?://\S+/lab/guardian/consent\?\S+")]
    private static partial Regex ConsentLink();
}
