using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Applications;
using Mirae.Web.Features.Calls;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Applications;

/// <summary>The application endpoints for the applying organization's members: start, answer, submit, withdraw.</summary>
[Collection("web")]
public sealed class ApplicationsApiTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static readonly Dictionary<string, string> Answers = new()
    {
        ["title"] = "동물성 성분 없는 CHO 배지 국산화",
        ["summary"] = "송도 수요기업과 함께 무혈청 배지를 개발합니다.",
        ["amount"] = "50000000",
        ["kind"] = "new",
    };

    private static object Body(Dictionary<string, string>? answers) => new { answers };

    private static async Task<Application> LoadAsync(MiraeFactory factory, int id)
    {
        await using var db = factory.CreateDbContext();
        return await db.Applications.AsNoTracking().Include(a => a.Revisions).SingleAsync(a => a.Id == id);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task NullAnswers_ClearTheAnswer_AndASubmissionWithThemNamesWhatIsMissing(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var (callId, organization, member) = await ProgramData.ApplicantAsync(factory);
        using var _ = member;
        using var started = await member.Http.PostAsJsonAsync($"/api/v1/calls/{callId}/applications", new { organizationId = organization.Id });
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var withNull = new { answers = new Dictionary<string, string?>(Answers.ToDictionary(a => a.Key, a => (string?)a.Value)) { ["title"] = null } };

        using var saved = await member.Http.PutAsJsonAsync($"/api/v1/applications/{id}/answers", withNull);
        using var submitted = await member.Http.PostAsJsonAsync($"/api/v1/applications/{id}/submit", withNull);
        var problem = await ProblemAsync(submitted, HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Equal("", (await LoadAsync(factory, id)).Answers.GetValueOrDefault("title", ""));
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out var titleError) && titleError.GetArrayLength() > 0);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Member_StartsAnswersSubmitsAndWithdraws_ThroughTheApi(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var (callId, organization, member) = await ProgramData.ApplicantAsync(factory);
        using var _ = member;
        var http = member.Http;

        using var started = await http.PostAsJsonAsync($"/api/v1/calls/{callId}/applications", new { organizationId = organization.Id });
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var resumed = await http.PostAsJsonAsync($"/api/v1/calls/{callId}/applications", new { organizationId = organization.Id });
        using var saved = await http.PutAsJsonAsync($"/api/v1/applications/{id}/answers", Body(Answers));
        using var wrong = await http.PutAsJsonAsync($"/api/v1/applications/{id}/answers", Body(new(Answers) { ["amount"] = "5천만 원" }));
        var wrongProblem = await ProblemAsync(wrong, HttpStatusCode.BadRequest);
        var afterWrong = await LoadAsync(factory, id);
        using var early = await http.PostAsJsonAsync($"/api/v1/applications/{id}/submit", Body(null));
        var earlyProblem = await ProblemAsync(early, HttpStatusCode.BadRequest);
        await ProgramData.AttachAllAsync(member, id);
        using var submitted = await http.PostAsJsonAsync($"/api/v1/applications/{id}/submit", Body(null));
        var receipt = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptNumber").GetString();
        var details = await http.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        using var unconfirmed = await http.PostAsJsonAsync($"/api/v1/applications/{id}/withdraw", new { confirm = false });
        var statusBeforeWithdraw = (await LoadAsync(factory, id)).Status;
        using var withdrawn = await http.PostAsJsonAsync($"/api/v1/applications/{id}/withdraw", new { confirm = true });

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal($"/api/v1/applications/{id}", started.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal(id, (await resumed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Equal("validation_failed", wrongProblem.GetProperty("code").GetString());
        Assert.Contains("원 단위", wrongProblem.GetProperty("errors").GetProperty("amount")[0].GetString());
        Assert.Equal("50000000", afterWrong.Answers["amount"]);
        Assert.Equal(["document-1", "document-2", "plan"], earlyProblem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Matches(@"^\d{4}-\d{3}-\d{5}$", receipt);
        Assert.Equal(("Submitted", receipt, 1), (details.GetProperty("status").GetString(), details.GetProperty("receiptNumber").GetString(),
            details.GetProperty("revisions").GetInt32()));
        Assert.Equal(Answers["title"], details.GetProperty("answers").GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Equal(ApplicationStatus.Submitted, statusBeforeWithdraw);
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        Assert.Equal(ApplicationStatus.Withdrawn, (await LoadAsync(factory, id)).Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AnotherOrganizationsMember_PendingMember_CitizenEvaluatorStaffAndStrangers_CannotWrite(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var callId = await ProgramData.AddCallAsync(factory);
        var organization = await DirectoryData.AddOrganizationAsync(factory);
        var (owner, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        using var _ = owner;
        var id = await ProgramData.StartApplicationAsync(owner, callId, organization.Id);
        using var saved = await owner.Http.PutAsJsonAsync($"/api/v1/applications/{id}/answers", Body(Answers));
        var other = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤다른(주)");
        var (stranger, _) = await DirectoryData.SignedInMemberOfAsync(factory, other.Id);
        var (pending, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id, approved: false);
        var citizen = await factory.SignedInClientAsync((await Members.RegisterAsync(factory)).Email!);
        var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        var evaluator = await ProgramData.SignedInWithRoleAsync(factory, Mirae.Web.Features.Accounts.Roles.Evaluator);
        var anonymous = factory.CreatePageClient();
        var before = await LoadAsync(factory, id);

        var outcomes = new List<string>();
        foreach (var (who, client) in new[] { ("stranger", stranger), ("pending", pending), ("citizen", citizen), ("evaluator", evaluator), ("staff", staff),
                     ("anonymous", anonymous) })
        {
            using var start = await client.Http.PostAsJsonAsync($"/api/v1/calls/{callId}/applications", new { organizationId = organization.Id });
            using var answer = await client.Http.PutAsJsonAsync($"/api/v1/applications/{id}/answers", Body(new(Answers) { ["title"] = "가로챈 과제" }));
            using var submit = await client.Http.PostAsJsonAsync($"/api/v1/applications/{id}/submit", Body(null));
            using var withdraw = await client.Http.PostAsJsonAsync($"/api/v1/applications/{id}/withdraw", new { confirm = true });
            outcomes.Add($"{who}: {(int)start.StatusCode} {(int)answer.StatusCode} {(int)submit.StatusCode} {(int)withdraw.StatusCode}");
            client.Dispose();
        }
        // What a form on another site could send (it cannot send JSON without a CORS preflight), even with the owner's cookie.
        using var asForm = await owner.Http.PostAsync($"/api/v1/applications/{id}/withdraw",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["confirm"] = "true" }));
        using var asText = await owner.Http.PostAsync($"/api/v1/applications/{id}/withdraw", new StringContent("{\"confirm\":true}"));
        using var unknown = await owner.Http.PutAsJsonAsync("/api/v1/applications/999999/answers", Body(Answers));
        using var unknownCall = await owner.Http.PostAsJsonAsync("/api/v1/calls/999999/applications", new { organizationId = organization.Id });

        Assert.Equal(["stranger: 403 403 403 403", "pending: 403 403 403 403", "citizen: 403 403 403 403", "evaluator: 403 403 403 403",
            "staff: 403 403 403 403", "anonymous: 401 401 401 401"], outcomes);
        Assert.Equal((HttpStatusCode.UnsupportedMediaType, HttpStatusCode.UnsupportedMediaType), (asForm.StatusCode, asText.StatusCode));
        Assert.Equal("not_found", (await ProblemAsync(unknown, HttpStatusCode.NotFound)).GetProperty("code").GetString());
        Assert.Equal("not_found", (await ProblemAsync(unknownCall, HttpStatusCode.NotFound)).GetProperty("code").GetString());
        var after = await LoadAsync(factory, id);
        Assert.Equal((before.Status, before.UpdatedAt, before.Answers["title"]), (after.Status, after.UpdatedAt, after.Answers["title"]));
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.Applications.CountAsync(a => a.CallId == callId));
    }

    [Fact]
    public async Task Deadline_TheLastSecondBeforeItSubmits_TheDeadlineItselfIsAConflictAndChangesNothing()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(9)));
        await using var factory = new MiraeFactory(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite),
            new Dictionary<string, string?> { ["Seed:Demo"] = "false" }, clock: clock);
        factory.StartServer();
        var callId = await ProgramData.AddCallAsync(factory, openFor: TimeSpan.FromMinutes(20));
        var ids = new List<(PageClient Member, int Id)>();
        for (var i = 0; i < 2; i++)
        {
            var organization = await DirectoryData.AddOrganizationAsync(factory);
            var (member, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
            var id = await ProgramData.StartApplicationAsync(member, callId, organization.Id);
            await ProgramData.AttachAllAsync(member, id);
            using var saved = await member.Http.PutAsJsonAsync($"/api/v1/applications/{id}/answers", Body(Answers));
            ids.Add((member, id));
        }
        await using var db = factory.CreateDbContext();
        var deadline = (await db.Calls.SingleAsync(c => c.Id == callId)).ClosesAt;

        clock.Now = deadline.AddSeconds(-1);
        using var lastSecond = await ids[0].Member.Http.PostAsJsonAsync($"/api/v1/applications/{ids[0].Id}/submit", Body(null));
        clock.Now = deadline;
        using var atDeadline = await ids[1].Member.Http.PostAsJsonAsync($"/api/v1/applications/{ids[1].Id}/submit", Body(null));
        var problem = await ProblemAsync(atDeadline, HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.OK, lastSecond.StatusCode);
        Assert.Equal(ApplicationStatus.Submitted, (await LoadAsync(factory, ids[0].Id)).Status);
        Assert.Equal("application.call-not-open", problem.GetProperty("code").GetString());
        Assert.Contains("접수가 마감되어", problem.GetProperty("detail").GetString());
        Assert.Equal(ApplicationStatus.Draft, (await LoadAsync(factory, ids[1].Id)).Status);
        foreach (var (member, _) in ids)
        {
            member.Dispose();
        }
    }
}
