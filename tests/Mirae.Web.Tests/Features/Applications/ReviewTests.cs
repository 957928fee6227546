using System.Net;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Applications;
using Mirae.Web.Features.Calls;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Applications;

/// <summary>Program staff screen, return and compare; the applicant resubmits; batch, export and access.</summary>
[Collection("web")]
public sealed class ReviewTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static Dictionary<string, string> Answers(string title) => new()
    {
        ["answers[title]"] = title,
        ["answers[summary]"] = "송도 수요기업과 함께 무혈청 배지를 개발합니다.",
        ["answers[amount]"] = "50000000",
        ["answers[kind]"] = "new",
    };

    /// <summary>A submitted application of a new organization (founded <paramref name="foundedYear"/>) to the call.</summary>
    private static async Task<(PageClient Member, int ApplicationId)> SubmittedAsync(MiraeFactory factory, int callId, int foundedYear = 2015)
    {
        var organization = await DirectoryData.AddOrganizationAsync(factory, foundedYear: foundedYear);
        var (member, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        var id = await ProgramData.StartApplicationAsync(member, callId, organization.Id);
        var url = $"/applications/{id}";
        await ProgramData.AttachAllAsync(member, id);
        using var submitted = await member.SubmitAsync(url, Answers("무혈청 배지 국산화"), url + "?handler=Submit");
        Assert.Equal(url, PageClient.RedirectPath(submitted));
        return (member, id);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Staff_ReturnWithAMessage_TheMemberResubmits_AndStaffSeeWhatChanged(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var callId = await ProgramData.AddCallAsync(factory);
        var (member, id) = await SubmittedAsync(factory, callId);
        using var _ = member;
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        var review = $"/admin/applications/{id}";

        var (_, list) = await staff.GetPageAsync($"/admin/calls/{callId}/applications");
        using var noMessage = await staff.SubmitAsync(review, new Dictionary<string, string> { ["decision"] = "Return", ["message"] = "" });
        using var returned = await staff.SubmitAsync(review, new Dictionary<string, string> { ["decision"] = "Return", ["message"] = "과제명을 구체적으로 고쳐 주세요." });
        var (_, memberView) = await member.GetPageAsync($"/applications/{id}");
        using var resubmitted = await member.SubmitAsync($"/applications/{id}", Answers("무혈청 CHO 배지 국산화 및 실증"), $"/applications/{id}?handler=Submit");
        var (_, compare) = await staff.GetPageAsync(review);
        await using var files = factory.CreateDbContext();
        var attachment = await files.Applications.Where(a => a.Id == id).SelectMany(a => a.Attachments).Select(x => x.Id).FirstAsync();
        using var download = await staff.Http.GetAsync($"/applications/{id}?handler=File&attachmentId={attachment}");
        using var stranger = await (await factory.SignedInClientAsync((await Members.RegisterAsync(factory)).Email!)).Http
            .GetAsync($"/applications/{id}?handler=File&attachmentId={attachment}");

        Assert.Contains("제출된 신청서 1건, 신청 금액 합계 50,000,000원", list);
        Assert.Contains("사유를 입력해 주세요", await noMessage.Content.ReadAsStringAsync());
        Assert.Equal(review, PageClient.RedirectPath(returned));
        Assert.Contains("과제명을 구체적으로 고쳐 주세요.", memberView);
        Assert.Contains("data-testid=\"submit-application\"", memberView);
        Assert.Equal($"/applications/{id}", PageClient.RedirectPath(resubmitted));
        Assert.Contains("<del>무혈청 배지 국산화</del>", compare);
        Assert.Equal(Files.Pdf(), await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("/account/access-denied", PageClient.RedirectPath(stranger));
        Assert.Contains("<ins>무혈청 CHO 배지 국산화 및 실증</ins>", compare);
        await using var db = factory.CreateDbContext();
        var application = await db.Applications.Include(a => a.Revisions).SingleAsync(a => a.Id == id);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal([1, 2], application.Revisions.Select(r => r.Number).Order());
        Assert.True(await db.Notifications.AnyAsync(n => n.Key.StartsWith($"application:{id}:Returned:") && n.MessageKey == "Notification.ApplicationReturned"));
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Subject == $"application:{id}" && a.Action == AuditActions.ApplicationReviewed));
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Subject == $"application:{id}" && a.Action == AuditActions.PersonalDataViewed && a.Detail.StartsWith("download")));
    }

    [Fact]
    public async Task ScreeningIn_AgainstTheAutomaticCheck_NeedsAReason()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var callId = await ProgramData.AddCallAsync(factory);
        // Founded in 2015: the call takes organizations founded within 7 years.
        var (member, id) = await SubmittedAsync(factory, callId, foundedYear: 2015);
        using var _ = member;
        using var staff = await factory.AdminClientAsync();
        var review = $"/admin/applications/{id}";

        var (_, page) = await staff.GetPageAsync(review);
        using var withoutReason = await staff.SubmitAsync(review, new Dictionary<string, string> { ["decision"] = "ScreenIn" });
        await using var between = factory.CreateDbContext();
        var statusBetween = (await between.Applications.SingleAsync(a => a.Id == id)).Status;
        using var withReason = await staff.SubmitAsync(review, new Dictionary<string, string> { ["decision"] = "ScreenIn", ["message"] = "법인 전환일 기준 설립 3년 차" });

        Assert.Contains("미충족", page);
        Assert.Contains("사유를 입력해 주세요", await withoutReason.Content.ReadAsStringAsync());
        Assert.Equal(ApplicationStatus.Submitted, statusBetween);
        Assert.Equal(review, PageClient.RedirectPath(withReason));
        await using var db = factory.CreateDbContext();
        var application = await db.Applications.SingleAsync(a => a.Id == id);
        Assert.Equal((ApplicationStatus.ScreenedIn, "법인 전환일 기준 설립 3년 차"), (application.Status, application.StaffMessage));
    }

    [Fact]
    public async Task Batch_ScreensInOnlyTheCleanApplications_FlagsDuplicates_AndTheListExportsToCsv()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var callId = await ProgramData.AddCallAsync(factory);
        var (clean, cleanId) = await SubmittedAsync(factory, callId, foundedYear: DateTime.UtcNow.Year - 2);
        var (old, oldId) = await SubmittedAsync(factory, callId, foundedYear: 2000);
        using var _ = clean;
        using var __ = old;
        using var staff = await factory.AdminClientAsync();
        var list = $"/admin/calls/{callId}/applications";

        using var batch = await staff.SubmitAsync(list, [new("decision", "ScreenIn"), new("selected", $"{cleanId}"), new("selected", $"{oldId}")], list + "?handler=Batch");
        var (_, after) = await staff.GetPageAsync(list);
        using var csv = await staff.Http.GetAsync(list + "?handler=Csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var text = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.Equal(list, PageClient.RedirectPath(batch));
        Assert.Contains("1건을 처리했고 1건은 개별 검토가 필요해", after);
        await using var db = factory.CreateDbContext();
        Assert.Equal(ApplicationStatus.ScreenedIn, (await db.Applications.SingleAsync(a => a.Id == cleanId)).Status);
        Assert.Equal(ApplicationStatus.Submitted, (await db.Applications.SingleAsync(a => a.Id == oldId)).Status);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("접수번호", text);
        Assert.Equal(3, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Subject == $"call:{callId}:applications" && a.Action == AuditActions.PersonalDataViewed));
    }

    [Theory]
    [InlineData("배지 국산화", "", "배지 국산화", "", "접수 기간이 겹치는 공모에 비슷한 과제로 신청")]
    [InlineData("무혈청 배지 국산화", "", "무혈청배지의 국산화", "", "접수 기간이 겹치는 공모에 비슷한 과제로 신청")]
    [InlineData("무혈청 배지 국산화", "media,bag", "일회용 백 성능 시험", "bag", "접수 기간이 겹치는 공모에 같은 품목으로 신청")]
    [InlineData("무혈청 배지 국산화", "media", "바이러스 제거 필터 개발", "filter", null)]
    public async Task SameOrganization_InTwoOverlappingCalls_IsFlagged_OnlyForTheSameMaterialOrTopic(string firstTitle, string firstItems,
        string secondTitle, string secondItems, string? flag)
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var first = await ProgramData.AddCallAsync(factory, "뮤뮤 첫 공모");
        var second = await ProgramData.AddCallAsync(factory, "뮤뮤 둘째 공모");
        var organization = await DirectoryData.AddOrganizationAsync(factory);
        var (member, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        using var _ = member;
        var ids = new List<int>();
        foreach (var (callId, title, items) in new[] { (first, firstTitle, firstItems), (second, secondTitle, secondItems) })
        {
            var id = await ProgramData.StartApplicationAsync(member, callId, organization.Id);
            await ProgramData.AttachAllAsync(member, id);
            var answers = Answers(title);
            answers["answers[items]"] = items;
            using var submitted = await member.SubmitAsync($"/applications/{id}", answers, $"/applications/{id}?handler=Submit");
            Assert.Equal($"/applications/{id}", PageClient.RedirectPath(submitted));
            ids.Add(id);
        }
        using var staff = await factory.AdminClientAsync();

        var (_, page) = await staff.GetPageAsync($"/admin/applications/{ids[1]}");

        if (flag is null)
        {
            Assert.Contains("data-testid=\"duplicates-none\"", page);
            Assert.DoesNotContain($"/admin/applications/{ids[0]}", page);
        }
        else
        {
            Assert.Contains(flag, page);
            Assert.Contains($"/admin/applications/{ids[0]}", page);
        }
    }

    [Fact]
    public async Task StaffReviewPages_AreForStaffOnly()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var callId = await ProgramData.AddCallAsync(factory);
        var (member, id) = await SubmittedAsync(factory, callId);
        using var _ = member;

        var outcomes = new List<string>();
        foreach (var url in new[] { $"/admin/calls/{callId}/applications", $"/admin/applications/{id}", $"/admin/calls/{callId}/applications?handler=Csv" })
        {
            using var get = await member.Http.GetAsync(url);
            outcomes.Add($"GET {url}: {PageClient.RedirectPath(get)}");
        }
        using var decide = await member.SubmitAsync("/notifications", new Dictionary<string, string> { ["decision"] = "ScreenIn" }, $"/admin/applications/{id}");
        using var batch = await member.SubmitAsync("/notifications", [new("decision", "ScreenIn"), new("selected", $"{id}")], $"/admin/calls/{callId}/applications?handler=Batch");
        outcomes.Add($"POST decide: {PageClient.RedirectPath(decide)}");
        outcomes.Add($"POST batch: {PageClient.RedirectPath(batch)}");

        Assert.All(outcomes, o => Assert.EndsWith(": /account/access-denied", o));
        await using var db = factory.CreateDbContext();
        Assert.Equal(ApplicationStatus.Submitted, (await db.Applications.SingleAsync(a => a.Id == id)).Status);
    }
}
