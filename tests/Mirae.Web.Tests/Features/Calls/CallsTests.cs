using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Applications;
using Mirae.Web.Features.Calls;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Calls;

/// <summary>Programs and calls: staff draft, publish, extend and close; the public board, the call page and the JSON feed.</summary>
[Collection("web")]
public sealed class CallsTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static Dictionary<string, string> CallFields(int programId, string titleKo, string opensAt = "2030-03-02T09:00", string closesAt = "2030-03-31T18:00",
        string budget = "500000000", string cap = "100000000", string rubric = "기술성 | Technology | 40 | 40\n사업성 | Business | 60 | 60") => new()
    {
        ["Input.ProgramId"] = programId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Year"] = "2030",
        ["Input.TitleKo"] = titleKo,
        ["Input.TitleEn"] = "Mumu page call",
        ["Input.SummaryKo"] = "세포배양 배지 국산화 과제를 모집합니다.",
        ["Input.OpensAt"] = opensAt,
        ["Input.ClosesAt"] = closesAt,
        ["Input.TotalBudget"] = budget,
        ["Input.PerTaskCap"] = cap,
        ["Input.ExpectedAwards"] = "5",
        ["Input.Kinds"] = "Supplier",
        ["Input.Regions"] = "인천 연수구, 인천 남동구",
        ["Input.MaxYearsSinceFounding"] = "7",
        ["Input.NoUnfinishedTask"] = "true",
        ["Input.RequiredDocuments"] = "사업계획서 | Business plan\n재무제표 | Financial statements",
        ["Input.Rubric"] = rubric,
        ["Input.Form"] = ProgramData.FormText,
    };

    [Theory, MemberData(nameof(Providers))]
    public async Task Staff_DraftAndPublishACall_ThenEveryoneSeesItsTermsOnTheBoardThePageAndTheFeed(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var programId = await ProgramData.AddProgramAsync(factory);
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        using var visitor = factory.CreatePageClient();
        var title = "뮤뮤 배지 공모 " + Guid.NewGuid().ToString("N")[..6];

        using var saved = await staff.SubmitAsync("/admin/calls/new", CallFields(programId, title));
        var callUrl = PageClient.RedirectPath(saved)!;
        var id = int.Parse(callUrl.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var (draftStatus, _) = await visitor.GetPageAsync($"/calls/{id}");
        using var draftApi = await visitor.Http.GetAsync($"/api/v1/calls/{id}");
        using var published = await staff.SubmitAsync(callUrl, [], $"{callUrl}?handler=Publish");
        var (_, board) = await visitor.GetPageAsync("/calls?phase=Upcoming");
        var (pageStatus, page) = await visitor.GetPageAsync($"/calls/{id}");
        var feed = await visitor.Http.GetFromJsonAsync<JsonElement>("/api/v1/calls?phase=upcoming&pageSize=100");
        var details = await visitor.Http.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{id}");

        Assert.Matches(@"^/admin/calls/\d+$", callUrl);
        Assert.Equal(HttpStatusCode.NotFound, draftStatus);
        Assert.Equal(HttpStatusCode.NotFound, draftApi.StatusCode);
        Assert.Equal(callUrl, PageClient.RedirectPath(published));
        Assert.Contains(title, board);
        Assert.Equal(HttpStatusCode.OK, pageStatus);
        Assert.Contains("<time datetime=\"2030-03-02T09:00:00&#x2B;09:00\">2030-03-02 09:00</time>", page);
        Assert.Contains("<time datetime=\"2030-03-31T18:00:00&#x2B;09:00\">2030-03-31 18:00</time>", page);
        Assert.Contains("500,000,000원", page);
        Assert.Contains("사업계획서", page);
        Assert.Contains("설립 7년 이내", page);
        Assert.Contains("이전 과제 번호", page); // the form's questions, the conditional section with its condition
        Assert.Contains("과제 유형: 계속", page);
        var item = Assert.Single(feed.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == id);
        Assert.Equal("upcoming", item.GetProperty("phase").GetString());
        Assert.Equal("2030-03-31T18:00:00+09:00", item.GetProperty("closesAt").GetString());
        Assert.Equal(500_000_000m, item.GetProperty("totalBudget").GetDecimal());
        Assert.EndsWith($"/calls/{id}", item.GetProperty("url").GetString());
        Assert.Equal(["Supplier"], details.GetProperty("eligibility").GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(2, details.GetProperty("rubric").GetArrayLength());
        await using var db = factory.CreateDbContext();
        Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.Subject == $"call:{id}" && (a.Action == AuditActions.CallChanged || a.Action == AuditActions.CallPublished)));
    }

    public static TheoryData<string, string, string> BadCalls() => new()
    {
        { "Input.ClosesAt", "2030-03-01T18:00", "접수 마감은 접수 시작보다 뒤여야 합니다" },
        { "Input.PerTaskCap", "900000000", "총 사업비 이하" },
        { "Input.TotalBudget", "1000.5", "원 단위" },
        { "Input.TotalBudget", "-5", "원 단위" },
        { "Input.Rubric", "기술성 | Technology | 50 | 40", "비중의 합이 100" },
        { "Input.Rubric", "기술성, 40점", "비중의 합이 100" },
        { "Input.Rubric", "기술성 | Technology | 60 | 40\n\n사업성, 40점", "3번째 줄:" },
        { "Input.RequiredDocuments", "사업계획서 | Business plan\n | 이름 없음", "2번째 줄:" },
        { "Input.ClosesAt", "9999-12-31T23:59", "2000-01-01부터 2100-12-31 사이의 날짜" },
        { "Input.OpensAt", "0001-01-01T00:00", "2000-01-01부터 2100-12-31 사이의 날짜" },
        { "Input.TitleKo", new string('가', 201), "200자" },
        { "Input.TitleKo", "", "입력해 주세요" },
        { "Input.Form", "title | text | 과제명 | Title | required\n# later | 나중 | Later | when title=x", "2번째 줄" },
    };

    [Theory, MemberData(nameof(BadCalls))]
    public async Task BadInput_IsShownOnTheField_AndNothingIsSaved(string field, string value, string message)
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var programId = await ProgramData.AddProgramAsync(factory);
        using var staff = await factory.AdminClientAsync();
        var title = "뮤뮤 잘못된 공모 " + Guid.NewGuid().ToString("N")[..6];
        var fields = CallFields(programId, title);
        fields[field] = value;

        using var response = await staff.SubmitAsync("/admin/calls/new", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html);
        Assert.Contains("form-hint-invalid", html);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Calls.AnyAsync(c => c.TitleKo == title || c.ProgramId == programId));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Extend_NeedsAReasonAndALaterDeadline_IsShownPublicly_AndClosingEndsIt(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var id = await ProgramData.AddCallAsync(factory, openFor: TimeSpan.FromDays(3));
        await using var before = factory.CreateDbContext();
        var deadline = (await before.Calls.SingleAsync(c => c.Id == id)).ClosesAt;
        using var staff = await factory.AdminClientAsync();
        using var visitor = factory.CreatePageClient();
        var url = $"/admin/calls/{id}";
        var later = deadline.ToOffset(TimeSpan.FromHours(9)).AddDays(7).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var earlier = deadline.ToOffset(TimeSpan.FromHours(9)).AddDays(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

        using var noReason = await staff.SubmitAsync(url, new Dictionary<string, string> { ["Extension.NewClosesAt"] = later, ["Extension.Reason"] = "" }, url + "?handler=Extend");
        using var notLater = await staff.SubmitAsync(url, new Dictionary<string, string> { ["Extension.NewClosesAt"] = earlier, ["Extension.Reason"] = "수요기업 요청" }, url + "?handler=Extend");
        using var extended = await staff.SubmitAsync(url, new Dictionary<string, string> { ["Extension.NewClosesAt"] = later, ["Extension.Reason"] = "설명회 일정 변경" }, url + "?handler=Extend");
        var (_, page) = await visitor.GetPageAsync($"/calls/{id}");
        var details = await visitor.Http.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{id}");
        using var closed = await staff.SubmitAsync(url, [], url + "?handler=Close");
        using var extendClosed = await staff.SubmitAsync(url, new Dictionary<string, string> { ["Extension.NewClosesAt"] = later, ["Extension.Reason"] = "다시" }, url + "?handler=Extend");
        var ended = await visitor.Http.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{id}");

        Assert.Contains("연장 사유를 입력해 주세요", await noReason.Content.ReadAsStringAsync());
        Assert.Contains("새 마감 일시는 지금과 현재 마감 일시보다 뒤여야 합니다", await notLater.Content.ReadAsStringAsync());
        Assert.Equal(url, PageClient.RedirectPath(extended));
        Assert.Contains("설명회 일정 변경", page);
        Assert.Equal("설명회 일정 변경", details.GetProperty("extensions")[0].GetProperty("reason").GetString());
        Assert.Equal(url, PageClient.RedirectPath(closed));
        Assert.Contains("공고 중인 공모만 연장하거나 마감할 수 있습니다", await extendClosed.Content.ReadAsStringAsync());
        Assert.Equal("ended", ended.GetProperty("phase").GetString());
        await using var db = factory.CreateDbContext();
        var call = await db.Calls.Include(c => c.Extensions).SingleAsync(c => c.Id == id);
        Assert.Equal(CallStatus.Closed, call.Status);
        Assert.Single(call.Extensions);
        Assert.Equal(later, call.ClosesAt.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Subject == $"call:{id}" && a.Action == AuditActions.CallExtended && a.Detail.Contains("설명회 일정 변경")));
    }

    [Fact]
    public async Task StaffPages_AreForStaffOnly()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var id = await ProgramData.AddCallAsync(factory, publish: false);
        var citizen = await factory.SignedInClientAsync((await Members.RegisterAsync(factory)).Email!);
        var company = await factory.SignedInClientAsync((await Members.RegisterAsync(factory, kind: Mirae.Web.Features.Accounts.MemberKind.CompanyMember)).Email!);
        using var anonymous = factory.CreatePageClient();
        using var staff = await factory.AdminClientAsync();

        var outcomes = new List<string>();
        foreach (var (who, client) in new[] { ("citizen", citizen), ("company", company) })
        {
            using var _ = client;
            foreach (var url in new[] { "/admin/calls", "/admin/calls/new", $"/admin/calls/{id}" })
            {
                using var get = await client.Http.GetAsync(url);
                outcomes.Add($"{who} GET {url}: {PageClient.RedirectPath(get)}");
            }
            // Writes are refused before the form is even read (a staff page's token is not needed to be refused).
            foreach (var handler in new[] { "", "?handler=Publish", "?handler=Extend", "?handler=Close" })
            {
                using var post = await client.SubmitAsync("/notifications", [], $"/admin/calls/{id}{handler}");
                outcomes.Add($"{who} POST {handler}: {PageClient.RedirectPath(post)}");
            }
        }
        using var anonymousGet = await anonymous.Http.GetAsync($"/admin/calls/{id}");
        var (draftForPublic, _) = await anonymous.GetPageAsync($"/calls/{id}");
        var (draftForStaff, _) = await staff.GetPageAsync($"/calls/{id}");

        Assert.Equal(14, outcomes.Count);
        Assert.All(outcomes, o => Assert.EndsWith(": /account/access-denied", o));
        Assert.Equal("/account/sign-in", PageClient.RedirectPath(anonymousGet));
        Assert.Equal(HttpStatusCode.NotFound, draftForPublic);
        Assert.Equal(HttpStatusCode.OK, draftForStaff);
        await using var db = factory.CreateDbContext();
        Assert.Equal(CallStatus.Draft, (await db.Calls.SingleAsync(c => c.Id == id)).Status);
    }

    [Theory]
    [InlineData("/api/v1/calls?phase=soon", "phase")]
    [InlineData("/api/v1/calls?page=0", "page")]
    [InlineData("/api/v1/calls?pageSize=1000", "pageSize")]
    public async Task CallsApi_BadParameters_AreValidationProblems(string url, string field)
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreatePageClient();

        using var response = await client.Http.GetAsync(url);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task CallsApi_UnknownCall_IsANotFoundProblem()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreatePageClient();

        using var response = await client.Http.GetAsync("/api/v1/calls/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task DemoSeed_HasOpenUpcomingAndEndedCalls_AndTheBoardShowsTheDDay()
    {
        var factory = await hosts.GetDemoAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreatePageClient();

        var counts = new Dictionary<string, int>();
        foreach (var phase in new[] { "open", "upcoming", "ended" })
        {
            var page = await client.Http.GetFromJsonAsync<JsonElement>($"/api/v1/calls?phase={phase}&pageSize=100");
            counts[phase] = page.GetProperty("items").EnumerateArray().Count(i => !i.GetProperty("titleKo").GetString()!.StartsWith("뮤뮤", StringComparison.Ordinal));
        }
        var (_, board) = await client.GetPageAsync("/calls");

        Assert.Equal(3, counts["open"]);
        Assert.Equal(1, counts["upcoming"]);
        Assert.Equal(1, counts["ended"]);
        Assert.Contains("D-2", board);
        Assert.Contains("하반기 R&amp;D 기획 컨설팅 지원", board); // the demo's nearest deadline (other tests' calls may fill the rest of page 1)
    }

    [Fact]
    public async Task Templates_AreCheckedByContent_ReplaceEachOther_AndArePublicWithTheCall()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var id = await ProgramData.AddCallAsync(factory, publish: false);
        using var staff = await factory.AdminClientAsync();
        using var visitor = factory.CreatePageClient();
        var url = $"/admin/calls/{id}";
        Task<HttpResponseMessage> UploadAsync(string name, byte[] content) => staff.SubmitFilesAsync(url,
            new Dictionary<string, (string, byte[])> { ["file"] = (name, content) }, new Dictionary<string, string> { ["documentIndex"] = "0" }, url + "?handler=Template");

        using var disguised = await UploadAsync("서식.hwp", Files.Exe());
        using var first = await UploadAsync("사업계획서 서식.hwp", Files.Hwp());
        using var whileDraft = await visitor.Http.GetAsync($"/calls/{id}/templates/1");
        using var replaced = await UploadAsync("사업계획서 서식.docx", Files.Docx());
        using var published = await staff.SubmitAsync(url, [], url + "?handler=Publish");
        using var download = await visitor.Http.GetAsync($"/calls/{id}/templates/1");
        var (_, page) = await visitor.GetPageAsync($"/calls/{id}");

        Assert.Contains("id=\"template-file-0-error\"", await disguised.Content.ReadAsStringAsync());
        Assert.Equal(url, PageClient.RedirectPath(first));
        Assert.Equal(HttpStatusCode.NotFound, whileDraft.StatusCode);
        Assert.Equal(url, PageClient.RedirectPath(replaced));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(Files.Docx(), await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("서식 내려받기 (사업계획서 서식.docx)", page);
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.Calls.Where(c => c.Id == id).SelectMany(c => c.Templates).CountAsync());
    }

    [Fact]
    public async Task OpenApi_DescribesTheCallAndApplicationEndpoints()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreatePageClient();

        var document = await client.Http.GetStringAsync("/openapi/v1.json");

        var paths = JsonDocument.Parse(document).RootElement.GetProperty("paths");

        Assert.All(new[] { "/api/v1/calls", "/api/v1/calls/{id}", "/api/v1/applications", "/api/v1/applications/{id}" },
            path => Assert.True(paths.TryGetProperty(path, out _), path));
        Assert.True(paths.GetProperty("/api/v1/calls/{callId}/applications").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/applications/{id}/answers").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/v1/applications/{id}/submit").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/applications/{id}/withdraw").TryGetProperty("post", out _));
    }
}
