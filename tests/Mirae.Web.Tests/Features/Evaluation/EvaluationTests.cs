using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Evaluation;
using Mirae.Web.Features.Applications;
using Mirae.Web.Features.Calls;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Evaluation;

/// <summary>Evaluation through the real host: the pool, conflicts, sealed scores, and the confirmed selection made public.</summary>
[Collection("web")]
public sealed class EvaluationTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    /// <summary>Posts both criteria of <see cref="ProgramData.Terms"/> (기술성 of 40, 사업성 of 60).</summary>
    private static async Task<HttpResponseMessage> ScoreAsync(PageClient evaluator, int assignmentId, int technology, int business, bool submit = true)
    {
        var url = $"/evaluations/{assignmentId}";
        return await evaluator.SubmitAsync(url,
        [
            new("points", $"{technology}"), new("comments", "기술성 의견"), new("points", $"{business}"), new("comments", "사업성 의견"),
            new("opinion", "종합 의견"), new("submit", submit ? "true" : "false"),
        ], url + "?handler=Save");
    }

    private static async Task DeclareAsync(PageClient evaluator, int assignmentId, bool conflicted, string? note = null)
    {
        var url = $"/evaluations/{assignmentId}";
        using var declared = await evaluator.SubmitAsync(url, new Dictionary<string, string> { ["conflicted"] = conflicted ? "true" : "false", ["note"] = note ?? "" },
            url + "?handler=Declare");
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
    }

    [Fact]
    public async Task Reminder_CountsTheEvaluatorsItReached_AndNamesThoseNotYetJoined()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var category = "rem-" + Guid.NewGuid().ToString("N")[..8];
        var callId = await ProgramData.AddCallAsync(factory);
        var organization = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤독촉(주)");
        await EvaluationData.UnderEvaluationAsync(factory, callId, organization.Id, 50_000_000, category);
        var (joined, _) = await EvaluationData.SignedInEvaluatorAsync(factory, "가입위원", fields: [category]);
        using var __ = joined;
        await EvaluationData.InviteAsync(factory, "미가입위원", fields: [category]);
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        var panel = $"/admin/calls/{callId}/evaluation";
        await EvaluationData.OpenPanelAsync(staff, callId, 2);
        using var auto = await staff.SubmitAsync(panel, [], panel + "?handler=Auto");

        using var reminded = await staff.SubmitAsync(panel, [], panel + "?handler=Remind");
        var (_, page) = await staff.GetPageAsync(panel);

        Assert.Contains("1명에게 독촉 알림을 보냈습니다. 아직 가입하지 않은 1명은", System.Net.WebUtility.HtmlDecode(page)); // was "0명" or "1명" alone (issue 17.2)
    }

    [Fact]
    public async Task Invitation_MakesTheSignedInMemberAnEvaluatorOnce_AndABadOrUsedLinkIsRefused()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        var email = Members.UniqueEmail("expert");

        using var invited = await staff.SubmitAsync("/admin/evaluators", new Dictionary<string, string>
        {
            ["Invite.Email"] = email, ["Invite.Name"] = "이전문", ["Invite.Affiliation"] = "인천대학교", ["Invite.Fields"] = "bio, device",
            ["Invite.History"] = "2025 | 124-81-00998 | 공동연구",
        }, "/admin/evaluators?handler=Invite");
        var (_, pool) = await staff.GetPageAsync("/admin/evaluators");
        var link = System.Text.RegularExpressions.Regex.Match(pool, "/evaluators/join/([0-9a-f]+)").Groups[1].Value;
        using var badHistory = await staff.SubmitAsync("/admin/evaluators", new Dictionary<string, string>
        {
            ["Invite.Email"] = Members.UniqueEmail("expert"), ["Invite.Name"] = "박전문", ["Invite.History"] = "작년 | 아무개",
        }, "/admin/evaluators?handler=Invite");
        var stranger = await Members.RegisterAsync(factory);
        using var strangerClient = await factory.SignedInClientAsync(stranger.Email!);
        using var notTheirs = await strangerClient.SubmitAsync($"/evaluators/join/{link}", new Dictionary<string, string> { ["token"] = link });
        var member = await Members.RegisterAsync(factory, email);
        using var client = await factory.SignedInClientAsync(member.Email!);
        var (beforeStatus, _) = await client.GetPageAsync("/evaluations");
        using var wrong = await client.SubmitAsync("/evaluators/join/abc", new Dictionary<string, string> { ["token"] = "abc" });
        using var joined = await client.SubmitAsync($"/evaluators/join/{link}", new Dictionary<string, string> { ["token"] = link });
        var (afterStatus, _) = await client.GetPageAsync("/evaluations");
        var other = await Members.RegisterAsync(factory);
        using var otherClient = await factory.SignedInClientAsync(other.Email!);
        using var reused = await otherClient.SubmitAsync($"/evaluators/join/{link}", new Dictionary<string, string> { ["token"] = link });

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Contains("id=\"Invite_History-error\"", await badHistory.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.OK, beforeStatus);
        Assert.Contains("이 초대는 다른 이메일 주소로 보낸 것입니다", await notTheirs.Content.ReadAsStringAsync()); // issue 17.3
        Assert.Contains("초대 링크가 올바르지 않거나", await wrong.Content.ReadAsStringAsync());
        Assert.Equal("/evaluations", PageClient.RedirectPath(joined));
        Assert.Equal(HttpStatusCode.OK, afterStatus);
        Assert.Contains("초대 링크가 올바르지 않거나", await reused.Content.ReadAsStringAsync());
        await using var db = factory.CreateDbContext();
        var evaluator = await db.Evaluators.SingleAsync(e => e.Email == email);
        Assert.Equal(member.Id, evaluator.UserId);
        Assert.Equal(["bio", "device"], evaluator.Fields);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Conflicts_DetectedOrDeclared_AreNeverAssigned_AndTheirScoresAreRefused(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var category = "cat-" + Guid.NewGuid().ToString("N")[..8]; // only this test's evaluators know it, so they are chosen first
        var callId = await ProgramData.AddCallAsync(factory);
        var applicant = await DirectoryData.AddOrganizationAsync(factory);
        var applicationId = await EvaluationData.UnderEvaluationAsync(factory, callId, applicant.Id, 50_000_000, category);
        var year = DateTimeOffset.UtcNow.Year;
        var (sameOrganization, _) = await EvaluationData.InviteAsync(factory, "같은회사", affiliationNumber: applicant.BusinessNumber, fields: [category]);
        var (recentWork, _) = await EvaluationData.InviteAsync(factory, "최근협업", history: [new HistoryEntry(year - 1, applicant.BusinessNumber, "공동연구")], fields: [category]);
        var (declaredRelation, _) = await EvaluationData.InviteAsync(factory, "관계신고", relations: [applicant.BusinessNumber], fields: [category]);
        var (oldWork, _) = await EvaluationData.InviteAsync(factory, "오래전협업", history: [new HistoryEntry(year - 5, applicant.BusinessNumber, "자문")], fields: [category]);
        var (declarer, declarerId) = await EvaluationData.SignedInEvaluatorAsync(factory, "양심선언", fields: [category]);
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        var panel = $"/admin/calls/{callId}/evaluation";

        await EvaluationData.OpenPanelAsync(staff, callId, 2);
        using var auto = await staff.SubmitAsync(panel, [], panel + "?handler=Auto");
        var declared = (await EvaluationData.AssignmentAsync(factory, applicationId, declarerId))!;
        await DeclareAsync(declarer, declared.Id, conflicted: true, "신청 기업 대표와 친족");
        var (_, sheet) = await declarer.GetPageAsync($"/evaluations/{declared.Id}");
        int attachmentId;
        await using (var read = factory.CreateDbContext())
        {
            attachmentId = await read.Applications.Where(a => a.Id == applicationId).SelectMany(a => a.Attachments).Select(x => x.Id).SingleAsync();
        }
        var (fileStatus, _) = await declarer.GetPageAsync($"/evaluations/{declared.Id}?handler=File&attachmentId={attachmentId}");
        using var scored = await ScoreAsync(declarer, declared.Id, 30, 50);
        await EvaluationData.InviteAsync(factory, "예비위원"); // someone conflict-free to take the declarer's place
        using var refill = await staff.SubmitAsync(panel, [], panel + "?handler=Auto");
        using var byHand = await staff.SubmitAsync(panel, new Dictionary<string, string>
        {
            ["applicationId"] = $"{applicationId}", ["evaluatorId"] = $"{recentWork}", ["reason"] = "분야 전문가 부족",
        }, panel + "?handler=Add");

        await using var db = factory.CreateDbContext();
        var assigned = await db.Assignments.Where(a => a.ApplicationId == applicationId).ToListAsync();
        Assert.DoesNotContain(assigned, a => a.EvaluatorId == sameOrganization || a.EvaluatorId == recentWork || a.EvaluatorId == declaredRelation);
        Assert.Contains(assigned, a => a.EvaluatorId == oldWork); // work more than three years ago is no conflict
        Assert.Equal(2, assigned.Count(a => !a.Conflicted)); // the declared conflict was replaced
        Assert.True(assigned.Single(a => a.EvaluatorId == declarerId).Conflicted);
        Assert.Null(assigned.Single(a => a.EvaluatorId == declarerId).Score);
        Assert.Contains("이해충돌을 밝혀", sheet);
        Assert.DoesNotContain("뮤뮤 시험 과제", sheet); // the application's answers are never shown to a conflicted evaluator
        Assert.Contains("이해충돌을 밝힌 신청서는 평가할 수 없습니다", await scored.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, fileStatus); // nor its files
        Assert.Contains("이해관계가 있어 평가할 수 없습니다", await byHand.Content.ReadAsStringAsync());
        Assert.Contains(await db.AuditEvents.Where(e => e.Subject == $"application:{applicationId}").Select(e => e.Action).ToListAsync(),
            a => a == Mirae.Web.Features.Audit.AuditActions.ConflictDeclared);
    }

    [Fact]
    public async Task Evaluation_WaitsForTheDeadline_AndClosingWithMissingSheetsSaysHowManyAndNeedsAReason()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var category = "dl-" + Guid.NewGuid().ToString("N")[..8];
        var callId = await ProgramData.AddCallAsync(factory);
        var organization = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤마감대기(주)");
        var applicationId = await EvaluationData.ScreenedInAsync(factory, callId, organization.Id, 50_000_000, category);
        var other = await EvaluationData.ScreenedInAsync(factory, callId, (await DirectoryData.AddOrganizationAsync(factory, "뮤뮤일괄(주)")).Id, 40_000_000, category);
        var (evaluator, _) = await EvaluationData.SignedInEvaluatorAsync(factory, "마감위원", fields: [category]);
        using var __ = evaluator;
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        var review = $"/admin/applications/{applicationId}";
        var list = $"/admin/calls/{callId}/applications";
        var panel = $"/admin/calls/{callId}/evaluation";

        // While the call is open (D-10): not to evaluation, one by one or in batch, and the panel cannot close.
        using var early = await staff.SubmitAsync(review, new Dictionary<string, string> { ["decision"] = "StartEvaluation" });
        using var earlyBatch = await staff.SubmitAsync(list, [new("decision", "StartEvaluation"), new("selected", $"{other}")], list + "?handler=Batch");
        var (_, earlyBatchPage) = await staff.GetPageAsync(list);
        await EvaluationData.OpenPanelAsync(staff, callId, 1);
        var (_, openPanelPage) = await staff.GetPageAsync(panel);
        using var earlyClose = await staff.SubmitAsync(panel, [], panel + "?handler=Close");
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(ApplicationStatus.ScreenedIn, (await db.Applications.SingleAsync(a => a.Id == applicationId)).Status);
            Assert.Equal(ApplicationStatus.ScreenedIn, (await db.Applications.SingleAsync(a => a.Id == other)).Status);
            Assert.False((await db.Panels.SingleAsync(p => p.CallId == callId)).IsClosed);
        }

        // After the deadline: to evaluation, assigned, nobody submits; closing needs a reason and says how many are missing.
        await ProgramData.PassDeadlineAsync(factory, callId);
        using var started = await staff.SubmitAsync(review, new Dictionary<string, string> { ["decision"] = "StartEvaluation" });
        using var auto = await staff.SubmitAsync(panel, [], panel + "?handler=Auto");
        var (_, endedPanelPage) = await staff.GetPageAsync(panel);
        using var withoutReason = await staff.SubmitAsync(panel, [], panel + "?handler=Close");
        using var withReason = await staff.SubmitAsync(panel, new Dictionary<string, string> { ["closeReason"] = "위원 1명 해외 출장으로 평가 불가, 위원회 의결로 마감" },
            panel + "?handler=Close");

        // A deadline extended after the panel closed reopens the call: the selection waits again.
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ChangeCallStatus>().ExtendAsync(callId, DateTimeOffset.UtcNow.AddDays(3), "추가 접수", Guid.NewGuid());
        }
        var selection = $"/admin/calls/{callId}/selection";
        using var confirm = await staff.SubmitAsync(selection, new Dictionary<string, string>
        {
            ["Input.Budget"] = "100000000", ["Input.MinScore"] = "0", ["Input.CutPercent"] = "0", ["Input.MaxAwards"] = "", ["Input.Note"] = "심의 결과",
        }, selection + "?handler=Confirm");

        Assert.Contains("공고가 마감된 뒤에 평가로 보낼 수 있습니다", await early.Content.ReadAsStringAsync());
        Assert.Contains("공고가 마감된 뒤에 평가로 보낼 수 있습니다", System.Net.WebUtility.HtmlDecode(earlyBatchPage));
        Assert.Contains("data-testid=\"close-wait\"", openPanelPage);
        Assert.DoesNotContain("data-testid=\"close-panel\"", openPanelPage);
        Assert.Contains("공고 마감 전에는 평가를 마감하거나 선정을 확정할 수 없습니다", await earlyClose.Content.ReadAsStringAsync());
        Assert.Equal(review, PageClient.RedirectPath(started));
        Assert.Contains("아직 제출되지 않은 평가표가 1건 있습니다", endedPanelPage);
        Assert.Contains("제출되지 않은 평가표가 1건 있습니다. 마감하는 사유를 입력해 주세요.", await withoutReason.Content.ReadAsStringAsync());
        Assert.Equal(panel, PageClient.RedirectPath(withReason));
        Assert.Contains("공고 마감 전에는 평가를 마감하거나 선정을 확정할 수 없습니다", await confirm.Content.ReadAsStringAsync());
        await using var after = factory.CreateDbContext();
        Assert.True((await after.Panels.SingleAsync(p => p.CallId == callId)).IsClosed);
        Assert.True(await after.AuditEvents.AnyAsync(e => e.Subject == $"call:{callId}" && e.Action == "panel.closed"
            && e.Detail == "1 unsubmitted: 위원 1명 해외 출장으로 평가 불가, 위원회 의결로 마감"));
        Assert.False(await after.SelectionDecisions.AnyAsync(d => d.CallId == callId));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Scores_AreSealedUntilThePanelCloses_ThenTheSelectionIsConfirmedPublishedAndReproducible(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var category = "cat-" + Guid.NewGuid().ToString("N")[..8];
        var callId = await ProgramData.AddCallAsync(factory);
        var organizations = new List<Mirae.Web.Features.Directory.Organization>();
        var applications = new List<int>();
        foreach (var (name, amount) in new[] { ("뮤뮤큰과제(주)", 80_000_000L), ("뮤뮤알찬(주)", 50_000_000L), ("뮤뮤든든(주)", 50_000_000L) })
        {
            var organization = await DirectoryData.AddOrganizationAsync(factory, name);
            organizations.Add(organization);
            applications.Add(await EvaluationData.UnderEvaluationAsync(factory, callId, organization.Id, amount, category));
        }
        var applicantMember = await Members.RegisterAsync(factory);
        await DirectoryData.LinkAsync(factory, applicantMember.Id, organizations[1].Id);
        var (first, firstId) = await EvaluationData.SignedInEvaluatorAsync(factory, "첫째위원", fields: [category]);
        var (second, secondId) = await EvaluationData.SignedInEvaluatorAsync(factory, "둘째위원", fields: [category]);
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        var panel = $"/admin/calls/{callId}/evaluation";
        await EvaluationData.OpenPanelAsync(staff, callId, 2);
        using var auto = await staff.SubmitAsync(panel, [], panel + "?handler=Auto");
        using var reminded = await staff.SubmitAsync(panel, [], panel + "?handler=Remind");
        var firstUser = await FirstUserAsync(factory, firstId);
        // The big one scores best (95), the others 90 and 85: greedy funds only the big one; the optimum funds the other two.
        var points = new[] { (38, 57), (36, 54), (34, 51) };
        for (var i = 0; i < 3; i++)
        {
            foreach (var (client, evaluatorId) in new[] { (first, firstId), (second, secondId) })
            {
                var assignment = (await EvaluationData.AssignmentAsync(factory, applications[i], evaluatorId))!;
                await DeclareAsync(client, assignment.Id, conflicted: false);
                using var saved = await ScoreAsync(client, assignment.Id, points[i].Item1, points[i].Item2);
                Assert.Equal("/evaluations", PageClient.RedirectPath(saved));
            }
        }
        var ownSheet = (await EvaluationData.AssignmentAsync(factory, applications[0], firstId))!.Id;
        var (_, ownPage) = await first.GetPageAsync($"/evaluations/{ownSheet}");
        var fileLink = System.Text.RegularExpressions.Regex.Match(ownPage, "handler=File&amp;attachmentId=(\\d+)").Groups[1].Value;
        using var download = await first.Http.GetAsync($"/evaluations/{ownSheet}?handler=File&attachmentId={fileLink}");
        var othersSheet = (await EvaluationData.AssignmentAsync(factory, applications[0], secondId))!.Id;
        var (otherStatus, _) = await first.GetPageAsync($"/evaluations/{othersSheet}");
        var (_, sealedPage) = await staff.GetPageAsync(panel);
        var selection = $"/admin/calls/{callId}/selection";
        var inputs = new Dictionary<string, string> { ["Input.Budget"] = "100000000", ["Input.MinScore"] = "70", ["Input.CutPercent"] = "0", ["Input.MaxAwards"] = "" };
        using var tooEarly = await staff.SubmitAsync(selection, inputs, selection + "?handler=Run");
        using var closed = await staff.SubmitAsync(panel, [], panel + "?handler=Close");
        var (_, unsealedPage) = await staff.GetPageAsync(panel);
        using var run = await staff.SubmitAsync(selection, inputs, selection + "?handler=Run");
        var runPage = await run.Content.ReadAsStringAsync();
        using var withoutNote = await staff.SubmitAsync(selection, inputs, selection + "?handler=Confirm");
        using var confirmed = await staff.SubmitAsync(selection, new Dictionary<string, string>(inputs) { ["Input.Note"] = "2026-11-20 선정위원회 심의 결과" },
            selection + "?handler=Confirm");
        using var visitor = factory.CreatePageClient();
        var (resultsStatus, results) = await visitor.GetPageAsync($"/calls/{callId}/results");
        var published = await visitor.Http.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{callId}/selection");
        using var rerun = await visitor.Http.PostAsJsonAsync("/api/v1/selection/solve", published.GetProperty("inputs"));
        var rerunBody = await rerun.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, otherStatus); // another evaluator's sheet does not exist for this one
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(Files.Pdf(), await download.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("제출 95.00점", sealedPage);
        Assert.Contains("제출 95.00점", unsealedPage);
        Assert.Contains("최적 선정: 2건, 총점 175.00점", runPage);
        Assert.Contains("순위순 선정이라면: 1건, 총점 95.00점", runPage);
        Assert.Contains("남은 예산이 80,000,000원 부족", runPage);
        Assert.Contains("id=\"Input_Note-error\"", await withoutNote.Content.ReadAsStringAsync());
        Assert.Equal($"/calls/{callId}/results", PageClient.RedirectPath(confirmed));
        Assert.Equal(HttpStatusCode.OK, resultsStatus);
        Assert.Contains("뮤뮤알찬(주)", results);
        Assert.Contains("뮤뮤든든(주)", results);
        Assert.DoesNotContain("뮤뮤큰과제(주)", results); // applicants not selected are not named
        Assert.Equal(published.GetProperty("selected").EnumerateArray().Select(e => e.GetString()),
            rerunBody.GetProperty("selected").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, published.GetProperty("selected").GetArrayLength());
        await using var db = factory.CreateDbContext();
        var statuses = await db.Applications.Where(a => applications.Contains(a.Id)).OrderBy(a => a.Id).Select(a => a.Status).ToListAsync();
        Assert.Equal([ApplicationStatus.NotSelected, ApplicationStatus.Selected, ApplicationStatus.Selected], statuses);
        // Each selected application became a funded task, numbered in receipt order, its grant the amount awarded.
        var tasks = await db.FundedTasks.AsNoTracking().Where(t => t.CallId == callId).OrderBy(t => t.Number).ToListAsync();
        Assert.Equal([applications[1], applications[2]], tasks.Select(t => t.ApplicationId).Order());
        Assert.All(tasks, t => Assert.Matches($"^[0-9]{{4}}-{callId:000}-T0[12]$", t.Number));
        Assert.All(tasks, t => Assert.Equal(Mirae.Web.Features.Tasks.FundedTaskStatus.AwaitingAgreement, t.Status));
        Assert.Equal(published.GetProperty("inputs").GetProperty("items").EnumerateArray().Where(i => tasks.Count > 0)
            .Where(i => published.GetProperty("selected").EnumerateArray().Any(s => s.GetString() == i.GetProperty("id").GetString()))
            .Sum(i => i.GetProperty("amount").GetInt64()), tasks.Sum(t => t.Grant));
        Assert.Contains("평가를 마감한 뒤에 선정할 수 있습니다", await tooEarly.Content.ReadAsStringAsync());
        Assert.Equal(panel, PageClient.RedirectPath(closed));
        Assert.Equal(panel, PageClient.RedirectPath(reminded));
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.RecipientId == firstUser && n.MessageKey == "Notification.EvaluationReminder"));
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.RecipientId == applicantMember.Id && n.MessageKey == "Notification.ApplicationSelected"));

        // A selected application has a printable award letter whose QR code leads to the selection's entry in the public log.
        await factory.Services.GetRequiredService<Mirae.Web.Features.Ledger.LedgerSequencer>().RunOnceAsync(CancellationToken.None);
        var award = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Subject == $"call:{callId}");
        var (letterStatus, letter) = await staff.GetPageAsync($"/applications/{applications[1]}/award");
        using var notSelected = await staff.Http.GetAsync($"/applications/{applications[0]}/award");
        using var otherLetter = await visitor.Http.GetAsync($"/applications/{applications[1]}/award");
        Assert.Equal(HttpStatusCode.OK, letterStatus);
        Assert.Contains("선정 통지서", letter);
        Assert.Contains("data-testid=\"award-qr\"", letter);
        Assert.Contains("src=\"data:image/png;base64,", letter);
        Assert.Contains($"/verify?q={award.Index}", letter);
        Assert.Contains("\"kind\":\"award.selection\"", award.Body);
        Assert.Contains(organizations[1].BusinessNumber, award.Body);
        Assert.DoesNotContain("뮤뮤알찬", award.Body); // organizations by business number; no names, no e-mail addresses
        Assert.DoesNotContain("@", award.Body);
        var closedPanel = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Subject == $"call:{callId}:evaluation");
        Assert.Contains("\"kind\":\"evaluation.closed\"", closedPanel.Body);
        Assert.Contains("\"score\":\"95.00\"", closedPanel.Body); // aggregates only…
        Assert.DoesNotContain("첫째위원", closedPanel.Body);      // …never who scored what
        Assert.DoesNotContain("\"evaluatorId\"", closedPanel.Body);
        Assert.NotEqual(HttpStatusCode.OK, otherLetter.StatusCode); // a visitor is sent to sign in
        Assert.Equal($"/applications/{applications[0]}", PageClient.RedirectPath(notSelected)); // no letter for an application not selected
    }

    private static async Task<Guid> FirstUserAsync(MiraeFactory factory, int evaluatorId)
    {
        await using var db = factory.CreateDbContext();
        return await db.Evaluators.Where(e => e.Id == evaluatorId).Select(e => e.UserId!.Value).SingleAsync();
    }

    [Fact]
    public void SelectionProblem_AppliesTheUniformCut_AndPerApplicationAmountsOverrideIt()
    {
        var panel = Panel.Open(1, 1, Aggregation.Mean, DateTimeOffset.UnixEpoch);
        panel.Close(DateTimeOffset.UnixEpoch);
        SelectUnderBudget.Standing Standing(int id, long amount, decimal? score, ApplicationStatus status = ApplicationStatus.UnderEvaluation) =>
            new(id, $"R-{id}", "기업", "bio", amount, [], score, status);
        var board = new SelectUnderBudget.Board(1, "공모", "Call", 1_000_000_000, 5, panel,
            [Standing(1, 100_000_000, 80), Standing(2, 50_000_000, 75.5m), Standing(3, 70_000_000, null), Standing(4, 10_000_000, 99, ApplicationStatus.Selected)], null, true, DateTimeOffset.UnixEpoch);

        var problem = SelectUnderBudget.Problem(board, new SelectUnderBudget.Inputs(500_000_000, 70, null, 10, new Dictionary<int, long> { [2] = 30_000_000 }, []));

        Assert.Equal([("R-1", 90_000_000L, 80m), ("R-2", 30_000_000L, 75.5m)], problem.Items.Select(i => (i.Id, i.Amount, i.Score)));
    }

    [Fact]
    public async Task DemoSeed_HasAnEvaluatorPool_AndAnEndedCallWhosePublishedSelectionReRunsTheSame()
    {
        var factory = await hosts.GetDemoAsync(DatabaseProvider.Sqlite);
        using var visitor = factory.CreatePageClient();
        int callId;
        await using (var db = factory.CreateDbContext())
        {
            Assert.True(await db.Evaluators.CountAsync(e => e.Email.EndsWith("@example.kr")) >= 6);
            // Who scored has joined: no "invited, not joined" beside submitted sheets (issue 17.2).
            Assert.False(await db.Assignments.AnyAsync(a => a.SubmittedAt != null && a.Evaluator.UserId == null));
            callId = await db.SelectionDecisions.OrderBy(d => d.Id).Select(d => d.CallId).FirstAsync();
        }

        var (status, results) = await visitor.GetPageAsync($"/calls/{callId}/results");
        var published = await visitor.Http.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{callId}/selection");
        using var rerun = await visitor.Http.PostAsJsonAsync("/api/v1/selection/solve", published.GetProperty("inputs"));
        var body = await rerun.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("상반기 사업화 지원", results);
        Assert.Equal(published.GetProperty("selected").EnumerateArray().Select(e => e.GetString()),
            body.GetProperty("selected").EnumerateArray().Select(e => e.GetString()));
        Assert.True(published.GetProperty("selected").GetArrayLength() >= 3);
    }
}
