using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ImageMagick;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Lab;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Lab;

/// <summary>The SOS Lab through the real host, on both providers: supports under parallel clicks, phases, personal data, moderation, agencies, sessions.</summary>
[Collection("web")]
public sealed class LabTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static Dictionary<string, string> Form(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    [Theory, MemberData(nameof(Providers))]
    public async Task OneMember_SupportsAProblemOnce_Under50ParallelClicks_AndAtMostTheChallengesNumber_Under20(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var challenge = await LabData.ChallengeAsync(factory, threshold: 100, supportsPerPerson: 3);
        var (author, authorClient) = await LabData.MemberAsync(factory);
        authorClient.Dispose();
        var problem = await LabData.ProblemAsync(factory, challenge, author.Id);
        var (supporter, client) = await LabData.MemberAsync(factory);
        var url = $"/lab/problems/{problem}";

        var clicks = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.SubmitAsync(url, [], url + "?handler=Support")));

        var many = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            many.Add(await LabData.ProblemAsync(factory, challenge, author.Id, $"뮤뮤 문제 {i}"));
        }
        var spread = await Task.WhenAll(many.Select(id => client.SubmitAsync($"/lab/problems/{id}", [], $"/lab/problems/{id}?handler=Support")));
        await using var db = factory.CreateDbContext();
        var supports = await db.ProblemSupports.Where(s => s.UserId == supporter.Id).ToListAsync();
        var counted = await db.LabProblems.Where(p => p.Id == problem).Select(p => p.SupportCount).SingleAsync();

        Assert.DoesNotContain(clicks.Concat(spread), r => (int)r.StatusCode >= 500);
        Assert.Single(supports, s => s.ProblemId == problem);
        Assert.Equal(1, counted);
        Assert.Single(clicks, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(3, supports.Count); // one above, two of the twenty: the challenge allows three a person
        Assert.Equal(2, spread.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        var refused = await spread.First(r => r.StatusCode != HttpStatusCode.Redirect).Content.ReadAsStringAsync();
        Assert.True(refused.Contains("공감 3개를 모두 썼습니다", StringComparison.Ordinal) || refused.Contains("다른 요청", StringComparison.Ordinal), refused);
        foreach (var r in clicks.Concat(spread))
        {
            r.Dispose();
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task TheThreshold_SendsAProblemToReview_AndEachPhaseSwitchesWhatCanBeDone(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var challenge = await LabData.ChallengeAsync(factory, threshold: 3);
        var (author, authorClient) = await LabData.MemberAsync(factory);
        var problem = await LabData.ProblemAsync(factory, challenge, author.Id);
        await LabData.SupportAsync(factory, problem, 2);
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(ProblemStatus.Proposed, (await db.LabProblems.SingleAsync(p => p.Id == problem)).Status);
        }
        await LabData.SupportAsync(factory, problem, 1);
        await LabData.MoveToAsync(factory, challenge, LabPhase.Review);
        var (late, lateClient) = await LabData.MemberAsync(factory);
        var url = $"/lab/problems/{problem}";
        using var lateSupport = await lateClient.SubmitAsync("/lab/join", [], url + "?handler=Support");
        var lateHtml = await lateSupport.Content.ReadAsStringAsync();
        using var latePost = await authorClient.SubmitAsync("/lab/join", Form(("Post.Title", "늦은 문제"), ("Post.Description", "늦었어요"),
            ("Post.Category", "Education"), ("Post.District", "SeoGu")), $"/lab/challenges/{challenge}");
        var latePostHtml = await latePost.Content.ReadAsStringAsync();

        await using var check = factory.CreateDbContext();
        var reviewed = await check.LabProblems.SingleAsync(p => p.Id == problem);
        Assert.Equal(ProblemStatus.InReview, reviewed.Status);
        Assert.Equal(3, reviewed.SupportCount);
        Assert.NotNull(reviewed.ReviewSince);
        Assert.True(await check.Notifications.AnyAsync(n => n.RecipientId == author.Id && n.MessageKey == "Notification.LabInReview"));
        Assert.Equal(HttpStatusCode.OK, lateSupport.StatusCode);
        Assert.Contains("지금은 공감하는 기간이 아닙니다", lateHtml);
        Assert.Contains("지금은 문제를 올리는 기간이 아닙니다", latePostHtml);
        Assert.False(await check.ProblemSupports.AnyAsync(s => s.UserId == late.Id));
        Assert.Equal(1, await check.LabProblems.CountAsync(p => p.ChallengeId == challenge));
        authorClient.Dispose();
        lateClient.Dispose();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task PersonalData_IsRefusedBeforeSaving_AndPhotosLoseTheirLocation(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var challenge = await LabData.ChallengeAsync(factory);
        var (author, client) = await LabData.MemberAsync(factory);
        var url = $"/lab/challenges/{challenge}";
        var fields = Form(("Post.Title", "불법 주정차 신고"), ("Post.Description", "매일 12가3456 차량이 서 있어요. 제 번호 010-9876-5432로 연락 주세요."),
            ("Post.Category", "TrafficSafety"), ("Post.District", "JungGu"));

        using var refused = await client.SubmitAsync(url, fields);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        using var photo = new MagickImage(MagickColors.Orange, 80, 60);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(37, 1), new Rational(27, 1), new Rational(0, 1)]);
        exif.SetValue(ExifTag.Make, "MuMuPhone");
        photo.SetProfile(exif);
        photo.Format = MagickFormat.Jpeg;
        fields["Post.Description"] = "매일 아침 차량이 서 있어 아이들이 안 보입니다.";
        using var disguised = await client.SubmitFilesAsync(url, new Dictionary<string, (string, byte[])> { ["Photos"] = ("road.jpg", Files.Pdf()) }, fields);
        var disguisedHtml = await disguised.Content.ReadAsStringAsync();
        using var posted = await client.SubmitFilesAsync(url, new Dictionary<string, (string, byte[])> { ["Photos"] = ("road.jpg", photo.ToByteArray()) }, fields);
        var problemId = int.Parse(PageClient.RedirectPath(posted)!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        await using var db = factory.CreateDbContext();
        var photoId = await db.ProblemPhotos.Where(p => p.ProblemId == problemId).Select(p => p.Id).SingleAsync();
        using var anonymous = factory.CreatePageClient();
        var served = await anonymous.Http.GetByteArrayAsync($"/lab/problems/{problemId}?handler=Photo&photoId={photoId}");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("개인정보로 보이는 내용이 있습니다", refusedHtml);
        Assert.Contains("010-****-**32", refusedHtml);
        Assert.Contains("id=\"Post_Description-error\"", refusedHtml);
        Assert.Equal(HttpStatusCode.OK, disguised.StatusCode);
        Assert.Contains("id=\"Photos-error\"", disguisedHtml);
        Assert.Equal(1, await db.LabProblems.CountAsync(p => p.AuthorId == author.Id)); // only the clean post with its real photo
        using var stored = new MagickImage(served);
        Assert.Null(stored.GetExifProfile());
        Assert.Equal(-1, served.AsSpan().IndexOf("MuMuPhone"u8));
        client.Dispose();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AReportedPost_IsHiddenWithItsReason_TheAuthorAppealsOnce_AndEveryStepIsAudited(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var challenge = await LabData.ChallengeAsync(factory);
        var (author, authorClient) = await LabData.MemberAsync(factory);
        var (reader, readerClient) = await LabData.MemberAsync(factory);
        var problem = await LabData.ProblemAsync(factory, challenge, author.Id, "뮤뮤 신고될 글");
        using var moderator = await ProgramData.SignedInWithRoleAsync(factory, Roles.Moderator);
        var url = $"/lab/problems/{problem}";

        using var report = await readerClient.SubmitAsync(url, Form(("reason", "특정인을 비방하는 내용")), url + "?handler=Report");
        var (_, queue) = await moderator.GetPageAsync("/lab/moderation");
        using var readerHides = await readerClient.SubmitAsync(url, Form(("reason", "숨김")), url + "?handler=Hide");
        using var hide = await moderator.SubmitAsync("/lab/moderation", Form(("problemId", $"{problem}"), ("reason", "비방 내용이 있어 숨깁니다")), "/lab/moderation?handler=Hide");
        using var anonymous = factory.CreatePageClient();
        var (_, publicPage) = await anonymous.GetPageAsync(url);
        using var appeal = await authorClient.SubmitAsync(url, Form(("appeal", "비방이 아니라 사실입니다")), url + "?handler=Appeal");
        using var again = await authorClient.SubmitAsync(url, Form(("appeal", "다시 봐 주세요")), url + "?handler=Appeal");
        var againHtml = await again.Content.ReadAsStringAsync();
        var (_, appeals) = await moderator.GetPageAsync("/lab/moderation");
        using var decide = await moderator.SubmitAsync("/lab/moderation", Form(("problemId", $"{problem}"), ("upheld", "true")), "/lab/moderation?handler=Decide");
        var (_, shownAgain) = await anonymous.GetPageAsync(url);

        await using var db = factory.CreateDbContext();
        Assert.Contains("특정인을 비방하는 내용", queue);
        Assert.StartsWith("/account/access-denied", PageClient.RedirectPath(readerHides), StringComparison.Ordinal);
        Assert.Equal("/lab/moderation", PageClient.RedirectPath(hide));
        Assert.Contains("비방 내용이 있어 숨깁니다", publicPage);
        Assert.DoesNotContain("아침마다 차가 많이 다녀서", publicPage);
        Assert.Contains("이의 신청은 한 번만 할 수 있습니다", againHtml);
        Assert.Contains("비방이 아니라 사실입니다", appeals);
        Assert.Contains("아침마다 차가 많이 다녀서", shownAgain);
        Assert.True(await db.Notifications.AnyAsync(n => n.RecipientId == author.Id && n.MessageKey == "Notification.LabHidden"));
        Assert.True(await db.Notifications.AnyAsync(n => n.RecipientId == author.Id && n.MessageKey == "Notification.LabAppealUpheld"));
        Assert.False(await db.ContentReports.AnyAsync(r => r.ProblemId == problem && r.ResolvedAt == null));
        var actions = await db.AuditEvents.Where(e => e.Subject == $"lab-problem:{problem}").Select(e => e.Action).ToListAsync();
        Assert.Equal([AuditActions.LabAppealDecided, AuditActions.LabAppealed, AuditActions.LabHidden, AuditActions.LabReported], actions.Order(StringComparer.Ordinal));
        authorClient.Dispose();
        readerClient.Dispose();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task TheAssignedAgency_AnswersPublicly_TheProblemBecomesACall_AndATrialSessionNeverOverfills(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var challenge = await LabData.ChallengeAsync(factory, threshold: 1);
        var (author, authorClient) = await LabData.MemberAsync(factory);
        var problem = await LabData.ProblemAsync(factory, challenge, author.Id, "뮤뮤 스쿨존 과속");
        await LabData.SupportAsync(factory, problem, 1);
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        var (_, police, policeId) = await LabData.AgentAsync(factory, "police");
        var (_, city, _) = await LabData.AgentAsync(factory, "city");
        var url = $"/lab/problems/{problem}";

        using var assign = await staff.SubmitAsync(url, Form(("agencyId", $"{policeId}")), url + "?handler=Assign");
        using var wrongAgency = await city.SubmitAsync("/lab/join", Form(("kind", "Accepted"), ("reason", "저희가 하겠습니다")), url + "?handler=Answer");
        var wrongHtml = await wrongAgency.Content.ReadAsStringAsync();
        using var answer = await police.SubmitAsync(url, Form(("kind", "Accepted"), ("reason", "인천경찰청이 솔루션 공모로 해결하겠습니다.")), url + "?handler=Answer");
        var organization = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤안전소프트(주)");
        var taskId = await TaskData.SelectedTaskAsync(factory, organization.Id, 50_000_000);
        int callId;
        await using (var db = factory.CreateDbContext())
        {
            callId = await db.FundedTasks.Where(t => t.Id == taskId).Select(t => t.CallId).SingleAsync();
        }
        using var link = await staff.SubmitAsync(url, Form(("callId", $"{callId}")), url + "?handler=LinkCall");
        using var linkTask = await staff.SubmitAsync(url, Form(("taskId", $"{taskId}")), url + "?handler=LinkTask");
        await LabData.MoveToAsync(factory, challenge, LabPhase.Development);
        var startsAt = DateTime.UtcNow.AddHours(9).AddDays(3).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        using var schedule = await staff.SubmitAsync(url, Form(("place", "연수구청 대회의실"), ("startsAt", startsAt), ("capacity", "5")), url + "?handler=Schedule");
        int sessionId;
        await using (var db = factory.CreateDbContext())
        {
            sessionId = await db.DemoSessions.Where(s => s.ProblemId == problem).Select(s => s.Id).SingleAsync();
        }
        var people = new List<PageClient>();
        for (var i = 0; i < 20; i++)
        {
            people.Add((await LabData.MemberAsync(factory)).Client);
        }
        var signups = await Task.WhenAll(people.Select(p => p.SubmitAsync("/lab/join", Form(("sessionId", $"{sessionId}")), url + "?handler=SignUp")));
        using var anonymous = factory.CreatePageClient();
        var (_, publicPage) = await anonymous.GetPageAsync(url);
        var details = await anonymous.Http.GetFromJsonAsync<JsonElement>($"/api/v1/lab/problems/{problem}");

        await using var check = factory.CreateDbContext();
        var answered = await check.LabProblems.SingleAsync(p => p.Id == problem);
        Assert.Contains("담당 기관의 담당자만 할 수 있습니다", wrongHtml);
        Assert.Equal(url, PageClient.RedirectPath(answer));
        Assert.Equal(ProblemStatus.SolutionCall, answered.Status);
        Assert.Equal(taskId, answered.TaskId);
        Assert.Contains("인천경찰청이 솔루션 공모로 해결하겠습니다.", publicPage);
        Assert.Contains("검증", publicPage); // the answer's entry in the public log
        Assert.True(await check.LedgerEntries.AnyAsync(e => e.Subject == $"lab-problem:{problem}" && e.Kind == "lab.answer"));
        Assert.DoesNotContain(signups, r => (int)r.StatusCode >= 500);
        Assert.Equal(5, await check.DemoSignups.CountAsync(s => s.SessionId == sessionId));
        Assert.Equal(5, signups.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal("Demonstration", details.GetProperty("problem").GetProperty("stage").GetString());
        var audited = await check.AuditEvents.Where(e => e.Subject == $"lab-problem:{problem}").Select(e => e.Action).ToListAsync();
        Assert.Contains(AuditActions.LabAssigned, audited);
        Assert.Contains(AuditActions.LabAnswered, audited);
        Assert.Contains(AuditActions.LabCallLinked, audited);
        Assert.Contains(AuditActions.LabSessionScheduled, audited);
        Assert.True(await check.AuditEvents.AnyAsync(e => e.Action == AuditActions.LabAgentAdded));
        Assert.Equal("뮤뮤안전소프트(주)", details.GetProperty("tasks")[0].GetProperty("organization").GetString());
        foreach (var response in signups)
        {
            response.Dispose();
        }
        people.ForEach(p => p.Dispose());
        authorClient.Dispose();
        police.Dispose();
        city.Dispose();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Feedback_ComesFromParticipants_AfterTheSession_AndItsCommentsReachTheFirmAndTheAgencyOnly(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var challenge = await LabData.ChallengeAsync(factory, threshold: 1);
        var (author, authorClient) = await LabData.MemberAsync(factory);
        var problem = await LabData.ProblemAsync(factory, challenge, author.Id);
        await LabData.MoveToAsync(factory, challenge, LabPhase.Demonstration);
        var organization = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤실증(주)");
        var taskId = await TaskData.SelectedTaskAsync(factory, organization.Id, 30_000_000);
        var (firm, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        var (agent, agentClient, agencyId) = await LabData.AgentAsync(factory, "education");
        var (participant, participantClient) = await LabData.MemberAsync(factory);
        int sessionId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var p = await db.LabProblems.SingleAsync(x => x.Id == problem);
            var now = DateTimeOffset.UtcNow;
            p.Supported(1, now);
            p.AssignTo(agencyId, now);
            p.AnswerWith(AnswerKind.Accepted, "교육청이 추진합니다", agent.Id, now);
            p.LinkCall(await db.FundedTasks.Where(t => t.Id == taskId).Select(t => t.CallId).SingleAsync(), now);
            p.LinkTask(taskId, now);
            var session = DemoSession.Schedule(problem, "시험 장소", now.AddMinutes(1), 10, now);
            db.DemoSessions.Add(session);
            await db.SaveChangesAsync();
            sessionId = session.Id;
            db.DemoSignups.Add(DemoSignup.For(sessionId, participant.Id, false, now));
            await db.SaveChangesAsync();
            await db.DemoSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, now.AddHours(-1)));
        }
        var url = $"/lab/problems/{problem}";

        using var outsider = await authorClient.SubmitAsync(url, Form(("sessionId", $"{sessionId}"), ("rating", "1")), url + "?handler=Feedback");
        var outsiderHtml = await outsider.Content.ReadAsStringAsync();
        using var personal = await participantClient.SubmitAsync(url, Form(("sessionId", $"{sessionId}"), ("rating", "4"), ("comment", "연락은 kim@example.com")), url + "?handler=Feedback");
        using var feedback = await participantClient.SubmitAsync(url, Form(("sessionId", $"{sessionId}"), ("rating", "4"), ("comment", "알림이 빨라서 좋아요")), url + "?handler=Feedback");
        var (_, firmView) = await firm.GetPageAsync(url);
        var (_, agencyView) = await agentClient.GetPageAsync(url);
        using var anonymous = factory.CreatePageClient();
        var (_, publicView) = await anonymous.GetPageAsync(url);

        Assert.Contains("참여 신청한 사람만 의견을 남길 수 있습니다", outsiderHtml);
        Assert.Contains("개인정보로 보이는 내용이 있습니다", await personal.Content.ReadAsStringAsync());
        Assert.Equal(url, PageClient.RedirectPath(feedback));
        Assert.Contains("알림이 빨라서 좋아요", firmView);
        Assert.Contains("알림이 빨라서 좋아요", agencyView);
        Assert.Contains("실증 의견 1건 · 평균 만족도 4.0점", publicView);
        Assert.DoesNotContain("알림이 빨라서 좋아요", publicView);
        authorClient.Dispose();
        agentClient.Dispose();
        participantClient.Dispose();
        firm.Dispose();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task TheDemo_RunsOneChallenge_WithProblemsAtEveryStage_InKorean(DatabaseProvider provider)
    {
        var factory = await hosts.GetDemoAsync(provider);
        await using var db = factory.CreateDbContext();
        var challenge = await db.Challenges.SingleAsync(c => c.Title == "2027 통학로 교통안전");
        using var scope = factory.Services.CreateScope();
        var results = await scope.ServiceProvider.GetRequiredService<ReadLab>().ResultsAsync(challenge.Id, null, CancellationToken.None);

        Assert.Equal(LabPhase.Proposing, challenge.PhaseAt(DateTimeOffset.UtcNow));
        Assert.Equal(Enum.GetValues<ProblemStage>().Order(), results.Select(r => r.Problem.Stage).Distinct().Order());
        Assert.Contains(results, r => r.Feedback.Count > 0 && r.Tasks.Count == 1);
        Assert.True(await db.LabMembers.AnyAsync(m => m.IsChild && m.ConsentedAt != null));
        Assert.Equal(6, await db.Agencies.CountAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task TheApi_ListsChallengesAndProblems_ByChallengeStageAndDistrict_WithPublicFieldsOnly(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var challenge = await LabData.ChallengeAsync(factory, threshold: 1);
        var (author, client) = await LabData.MemberAsync(factory);
        client.Dispose();
        var first = await LabData.ProblemAsync(factory, challenge, author.Id, "뮤뮤 첫째");
        var second = await LabData.ProblemAsync(factory, challenge, author.Id, "뮤뮤 둘째");
        await LabData.SupportAsync(factory, second, 1);
        using var anonymous = factory.CreatePageClient();

        var challenges = await anonymous.Http.GetFromJsonAsync<JsonElement>("/api/v1/lab/challenges");
        var inReview = await anonymous.Http.GetFromJsonAsync<JsonElement>($"/api/v1/lab/problems?challenge={challenge}&status=InReview&district=YeonsuGu");
        var elsewhere = await anonymous.Http.GetFromJsonAsync<JsonElement>($"/api/v1/lab/problems?challenge={challenge}&district=GanghwaGun");
        using var bad = await anonymous.Http.GetAsync("/api/v1/lab/problems?status=Nonsense");
        using var missing = await anonymous.Http.GetAsync("/api/v1/lab/problems/999999");
        var raw = await anonymous.Http.GetStringAsync($"/api/v1/lab/problems/{first}");
        var openApi = await anonymous.Http.GetStringAsync("/openapi/v1.json");

        Assert.Contains(challenges.EnumerateArray(), c => c.GetProperty("id").GetInt32() == challenge && c.GetProperty("phase").GetString() == "Proposing");
        Assert.Equal([second], inReview.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));
        Assert.Equal(1, inReview.GetProperty("total").GetInt32());
        Assert.Empty(elsewhere.GetProperty("items").EnumerateArray());
        var paged = await anonymous.Http.GetFromJsonAsync<JsonElement>($"/api/v1/lab/problems?challenge={challenge}&page=2&pageSize=1");
        Assert.Equal(2, paged.GetProperty("total").GetInt32());
        Assert.Equal([first], paged.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32())); // the less supported second
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.DoesNotContain(author.Email!, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(author.Id.ToString(), raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("홍길동", raw); // the account's name; the lab shows the nickname
        Assert.Contains("/api/v1/lab/challenges", openApi);
        Assert.Contains("/api/v1/lab/problems/{id}", openApi);
    }
}
