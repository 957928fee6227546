using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Applications;
using Mirae.Web.Features.Calls;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Applications;

/// <summary>A company member applies: draft, resume, attach, submit for a receipt; bad input and other organizations change nothing.</summary>
[Collection("web")]
public sealed class ApplicationsTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static readonly Dictionary<string, string> Answers = new()
    {
        ["answers[title]"] = "동물성 성분 없는 CHO 배지 국산화",
        ["answers[summary]"] = "송도 수요기업과 함께 무혈청 배지를 개발합니다.",
        ["answers[amount]"] = "50000000",
        ["answers[kind]"] = "new",
        ["answers[items]"] = "media",
    };

    /// <summary>An organization with an approved member, signed in, and a draft application to a fresh open call.</summary>
    private static async Task<(PageClient Member, int CallId, int ApplicationId, int OrganizationId)> DraftAsync(MiraeFactory factory, int? callId = null)
    {
        var organization = await DirectoryData.AddOrganizationAsync(factory);
        callId ??= await ProgramData.AddCallAsync(factory);
        var (member, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        return (member, callId.Value, await ProgramData.StartApplicationAsync(member, callId.Value, organization.Id), organization.Id);
    }

    private static Task<HttpResponseMessage> UploadAsync(PageClient client, int id, string fieldKey, string fileName, byte[] content) =>
        client.SubmitFilesAsync($"/applications/{id}", new Dictionary<string, (string, byte[])> { ["file"] = (fileName, content) },
            new Dictionary<string, string> { ["fieldKey"] = fieldKey }, $"/applications/{id}?handler=Upload");

    private static async Task<Application> LoadAsync(MiraeFactory factory, int id)
    {
        await using var db = factory.CreateDbContext();
        return await db.Applications.AsNoTracking().Include(a => a.Attachments).ThenInclude(a => a.File).Include(a => a.Revisions).SingleAsync(a => a.Id == id);
    }

    [Fact]
    public async Task Autosave_AnswersWithTheStatusLine_AsUtf8Text()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var (callId, organization, member) = await ProgramData.ApplicantAsync(factory);
        using var _ = member;
        var id = await ProgramData.StartApplicationAsync(member, callId, organization.Id);

        using var response = await member.SubmitAsync($"/applications/{id}", new Dictionary<string, string> { ["answers[title]"] = "자동 저장 제목" },
            $"/applications/{id}?handler=Autosave");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("저장", await response.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Member_SavesAResumableDraft_AttachesTheDocuments_AndSubmitsForAReceipt(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var (member, _, id, _) = await DraftAsync(factory);
        using var _ = member;
        var url = $"/applications/{id}";

        using var saved = await member.SubmitAsync(url, Answers, url + "?handler=Save");
        var (_, resumed) = await member.GetPageAsync(url);
        using var early = await member.SubmitAsync(url, Answers, url + "?handler=Submit");
        var earlyHtml = await early.Content.ReadAsStringAsync();
        var afterEarly = await LoadAsync(factory, id);
        using var plan = await UploadAsync(member, id, "plan", "사업계획서.pdf", Files.Pdf());
        using var first = await UploadAsync(member, id, Application.DocumentKey(0), "계획.hwpx", Files.Hwpx());
        using var second = await UploadAsync(member, id, Application.DocumentKey(1), "재무제표.xlsx", Files.Xlsx());
        using var submitted = await member.SubmitAsync(url, Answers, url + "?handler=Submit");
        var (_, receiptPage) = await member.GetPageAsync(url);
        using var lateEdit = await member.SubmitAsync(url, Answers, url + "?handler=Save");
        var application = await LoadAsync(factory, id);

        Assert.Equal(url, PageClient.RedirectPath(saved));
        Assert.Contains("동물성 성분 없는 CHO 배지 국산화", resumed);
        Assert.Contains("뮤뮤시험(주)", resumed); // the directory profile, not typed again
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("제출 서류를 첨부해 주세요", earlyHtml);
        // The summary names each slot and links to it (issue 17.13), and submitting comes after the attachments.
        Assert.Contains("<li><a href=\"#slot-document-1\">사업계획서</a>: 제출 서류를 첨부해 주세요.</li>", earlyHtml);
        Assert.Contains("<li><a href=\"#slot-document-2\">재무제표</a>: 제출 서류를 첨부해 주세요.</li>", earlyHtml);
        Assert.True(resumed.IndexOf("data-testid=\"submit-application\"", StringComparison.Ordinal)
            > resumed.IndexOf("data-testid=\"slot-document-2\"", StringComparison.Ordinal));
        Assert.Equal(ApplicationStatus.Draft, afterEarly.Status);
        Assert.Equal("50000000", afterEarly.Answers["amount"]);
        Assert.All(new[] { plan, first, second }, r => Assert.Equal(url, PageClient.RedirectPath(r)));
        Assert.Equal(url, PageClient.RedirectPath(submitted));
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Matches(@"^2026-\d{3}-\d{5}$", application.ReceiptNumber);
        Assert.Contains(application.ReceiptNumber!, receiptPage);
        Assert.Single(application.Revisions);
        Assert.Equal(3, application.Attachments.Count);
        Assert.Contains("제출한 신청서는 보완 요청을 받은 경우에만 고칠 수 있습니다", await lateEdit.Content.ReadAsStringAsync());
        // The printable receipt and the PDF of the application as submitted (issue 17, promised but missing).
        var (receiptStatus, receiptHtml) = await member.GetPageAsync($"{url}/receipt");
        using var pdf = await member.Http.GetAsync($"{url}/receipt?handler=Pdf");
        var pdfBytes = await pdf.Content.ReadAsByteArrayAsync();
        using var stranger = await factory.SignedInClientAsync((await Members.RegisterAsync(factory)).Email!);
        using var refusedReceipt = await stranger.Http.GetAsync($"{url}/receipt?handler=Pdf");
        Assert.Equal(HttpStatusCode.OK, receiptStatus);
        Assert.Contains(application.ReceiptNumber!, receiptHtml);
        Assert.Contains("동물성 성분 없는 CHO 배지 국산화", receiptHtml);
        Assert.Contains("50,000,000원", receiptHtml);
        Assert.Contains(application.Attachments[0].File.Sha256.ToLowerInvariant(), receiptHtml);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), pdfBytes[..4]);
        Assert.Contains("NanumGothic", System.Text.Encoding.Latin1.GetString(pdfBytes)); // the Korean font is embedded
        Assert.Equal("/account/access-denied", PageClient.RedirectPath(refusedReceipt));
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Subject == $"application:{id}" && a.Action == AuditActions.ApplicationSubmitted));
        Assert.Equal(2, (await db.Notifications.SingleAsync(n => n.Key == $"application:{id}:submitted:1")).Arguments.Count);
    }

    public static TheoryData<string, string, string> BadAnswers() => new()
    {
        { "answers[title]", new string('가', 101), "100자 이내로 입력해 주세요(지금 101자)" },
        { "answers[amount]", "1000.5", "원 단위 금액을 숫자로" },
        { "answers[amount]", "900000000", "이하로 입력해 주세요" },
        { "answers[start]", "2026-02-30", "날짜를" },
        { "answers[kind]", "forged", "목록에 있는 항목을 선택해 주세요" },
    };

    [Theory, MemberData(nameof(BadAnswers))]
    public async Task BadAnswer_IsShownOnItsField_AndTheSavedDraftStaysAsItWas(string field, string value, string message)
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var (member, _, id, _) = await DraftAsync(factory);
        using var _ = member;
        var url = $"/applications/{id}";
        using var saved = await member.SubmitAsync(url, Answers, url + "?handler=Save");
        var bad = new Dictionary<string, string>(Answers) { [field] = value, ["answers[summary]"] = "바뀐 요약" };

        using var refused = await member.SubmitAsync(url, bad, url + "?handler=Save");
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(message, html);
        Assert.Contains("form-hint-invalid", html);
        Assert.Equal("송도 수요기업과 함께 무혈청 배지를 개발합니다.", (await LoadAsync(factory, id)).Answers["summary"]);
    }

    [Fact]
    public async Task ConditionalSection_IsRequiredOnlyWhenItsAnswerIsChosen()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var (member, _, id, _) = await DraftAsync(factory);
        using var _ = member;
        var url = $"/applications/{id}";
        await ProgramData.AttachAllAsync(member, id);

        using var continuing = await member.SubmitAsync(url, new Dictionary<string, string>(Answers) { ["answers[kind]"] = "continuing" }, url + "?handler=Submit");
        var html = await continuing.Content.ReadAsStringAsync();
        var afterContinuing = await LoadAsync(factory, id);
        using var withTask = await member.SubmitAsync(url,
            new Dictionary<string, string>(Answers) { ["answers[kind]"] = "continuing", ["answers[previousTask]"] = "RS-2025-0042" }, url + "?handler=Submit");

        Assert.Contains("id=\"answer-previousTask-error\"", html);
        Assert.Equal(ApplicationStatus.Draft, afterContinuing.Status);
        Assert.Equal("continuing", afterContinuing.Answers["kind"]);
        Assert.Equal(url, PageClient.RedirectPath(withTask));
        Assert.Equal(ApplicationStatus.Submitted, (await LoadAsync(factory, id)).Status);
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "program.exe", "exe" },
        { "계획서.pdf", "exe-as-pdf" },
        { "사진.png", "pdf-as-png" },
        { "빈.pdf", "empty" },
        { "큰 계획서.pdf", "too-large" },
    };

    [Theory, MemberData(nameof(BadFiles))]
    public async Task RefusedUpload_IsExplained_AndLeavesTheDraftAsItWas(string fileName, string content)
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var (member, _, id, _) = await DraftAsync(factory);
        using var _ = member;
        using var saved = await member.SubmitAsync($"/applications/{id}", Answers, $"/applications/{id}?handler=Save");
        var bytes = content switch
        {
            "exe" or "exe-as-pdf" => Files.Exe(),
            "pdf-as-png" => Files.Pdf(),
            "too-large" => Files.Pdf((int)ApplicationAttachment.MaxBytes + 1),
            _ => [],
        };

        using var refused = await UploadAsync(member, id, "plan", fileName, bytes);
        var html = await refused.Content.ReadAsStringAsync();
        var application = await LoadAsync(factory, id);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"file-plan-error\"", html);
        Assert.Empty(application.Attachments);
        Assert.Equal(5, application.Answers.Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AnotherOrganizationsMember_CitizenEvaluatorAndStaff_CannotChangeIt_OnlyStaffMayRead(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var (owner, callId, id, organizationId) = await DraftAsync(factory);
        using var _ = owner;
        using var saved = await owner.SubmitAsync($"/applications/{id}", Answers, $"/applications/{id}?handler=Save");
        var other = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤다른(주)");
        var (stranger, _) = await DirectoryData.SignedInMemberOfAsync(factory, other.Id);
        var (pending, _) = await DirectoryData.SignedInMemberOfAsync(factory, organizationId, approved: false);
        var citizen = await factory.SignedInClientAsync((await Members.RegisterAsync(factory)).Email!);
        var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        var evaluator = await ProgramData.SignedInWithRoleAsync(factory, Mirae.Web.Features.Accounts.Roles.Evaluator);
        using var anonymous = factory.CreatePageClient();
        var before = await LoadAsync(factory, id);

        var outcomes = new List<string>();
        foreach (var (who, client) in new[] { ("stranger", stranger), ("pending", pending), ("citizen", citizen), ("evaluator", evaluator), ("staff", staff) })
        {
            using var get = await client.Http.GetAsync($"/applications/{id}");
            using var api = await client.Http.GetAsync($"/api/v1/applications/{id}");
            outcomes.Add($"{who} GET: {(int)get.StatusCode} {PageClient.RedirectPath(get)} API: {(int)api.StatusCode}");
            foreach (var handler in new[] { "Save", "Autosave", "Submit", "Upload", "Remove", "Withdraw" })
            {
                using var post = await client.SubmitAsync("/notifications", Answers, $"/applications/{id}?handler={handler}");
                outcomes.Add($"{who} {handler}: {PageClient.RedirectPath(post)}");
            }
            using var start = await client.SubmitAsync($"/calls/{callId}/apply", new Dictionary<string, string> { ["organizationId"] = $"{organizationId}" });
            outcomes.Add($"{who} start: {PageClient.RedirectPath(start)}");
        }
        using var anonymousGet = await anonymous.Http.GetAsync($"/applications/{id}");

        var denied = outcomes.Where(o => !o.StartsWith("staff GET", StringComparison.Ordinal)).ToList();
        Assert.Equal(39, denied.Count);
        Assert.All(denied, o => Assert.Contains("/account/access-denied", o));
        Assert.Contains("staff GET: 200  API: 200", outcomes);
        Assert.Equal("/account/sign-in", PageClient.RedirectPath(anonymousGet));
        var after = await LoadAsync(factory, id);
        Assert.Equal((before.Status, before.UpdatedAt, before.Answers.Count), (after.Status, after.UpdatedAt, after.Answers.Count));
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.Applications.CountAsync(a => a.CallId == callId));
        // Staff reading it, on the page and through the API, is a personal-data access.
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Subject == $"application:{id}" && e.Action == AuditActions.PersonalDataViewed));
    }

    [Fact]
    public async Task MyApplications_ListsTheOrganizationsApplications_InThePageAndTheApi()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var (member, _, id, _) = await DraftAsync(factory);
        using var _ = member;

        var (_, page) = await member.GetPageAsync("/my/applications");
        var api = await member.Http.GetFromJsonAsync<JsonElement>("/api/v1/applications");

        Assert.Contains($"/applications/{id}", page);
        Assert.Equal([id], api.EnumerateArray().Select(a => a.GetProperty("id").GetInt32()));
        Assert.Equal("Draft", api[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Deadline_TheLastSecondBeforeItSubmits_TheDeadlineItselfIsRefusedWithAClearMessage()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(9)));
        await using var factory = new MiraeFactory(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite),
            new Dictionary<string, string?> { ["Seed:Demo"] = "false" }, clock: clock);
        factory.StartServer();
        // Twenty minutes before the deadline: the members stay signed in (30 minutes) while the clock moves to it.
        var callId = await ProgramData.AddCallAsync(factory, openFor: TimeSpan.FromMinutes(20));
        var (onTime, _, onTimeId, _) = await DraftAsync(factory, callId);
        var (late, _, lateId, _) = await DraftAsync(factory, callId);
        await using var db = factory.CreateDbContext();
        var deadline = (await db.Calls.SingleAsync(c => c.Id == callId)).ClosesAt;
        foreach (var (client, id) in new[] { (onTime, onTimeId), (late, lateId) })
        {
            await ProgramData.AttachAllAsync(client, id);
            using var saved = await client.SubmitAsync($"/applications/{id}", Answers, $"/applications/{id}?handler=Save");
        }

        clock.Now = deadline.AddSeconds(-1);
        using var lastSecond = await onTime.SubmitAsync($"/applications/{onTimeId}", Answers, $"/applications/{onTimeId}?handler=Submit");
        clock.Now = deadline;
        using var atDeadline = await late.SubmitAsync($"/applications/{lateId}", Answers, $"/applications/{lateId}?handler=Submit");
        var html = await atDeadline.Content.ReadAsStringAsync();

        Assert.Equal($"/applications/{onTimeId}", PageClient.RedirectPath(lastSecond));
        Assert.Equal(ApplicationStatus.Submitted, (await LoadAsync(factory, onTimeId)).Status);
        Assert.Contains("접수가 마감되어 제출하거나 고칠 수 없습니다", html);
        Assert.Equal(ApplicationStatus.Draft, (await LoadAsync(factory, lateId)).Status);
        Assert.Null((await LoadAsync(factory, lateId)).ReceiptNumber);
        onTime.Dispose();
        late.Dispose();
    }

    [Fact]
    public async Task Member_WithdrawsBeforeTheDeadline_AndIsTold()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var (member, _, id, _) = await DraftAsync(factory);
        using var _ = member;

        using var withdrawn = await member.SubmitAsync($"/applications/{id}", [], $"/applications/{id}?handler=Withdraw");
        using var again = await member.SubmitAsync($"/applications/{id}", Answers, $"/applications/{id}?handler=Save");

        Assert.Equal($"/applications/{id}", PageClient.RedirectPath(withdrawn));
        Assert.Equal(ApplicationStatus.Withdrawn, (await LoadAsync(factory, id)).Status);
        Assert.Contains("취소한 신청서는 고칠 수 없습니다", await again.Content.ReadAsStringAsync());
        await using var db = factory.CreateDbContext();
        Assert.True(await db.Notifications.AnyAsync(n => n.Key == $"application:{id}:withdrawn"));
    }
}
