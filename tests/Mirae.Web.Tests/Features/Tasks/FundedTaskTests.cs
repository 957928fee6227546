using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Applications;
using Mirae.Web.Features.Tasks;
using Mirae.Web.Infrastructure;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Tasks;

/// <summary>A funded task from selection to its first payment, who may see and do what, and the 3책5공 rule across tasks.</summary>
[Collection("web")]
public sealed class FundedTaskTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static async Task<FundedTask> LoadAsync(MiraeFactory factory, int id)
    {
        await using var db = factory.CreateDbContext();
        return await db.FundedTasks.AsNoTracking().Include(t => t.Installments).Include(t => t.Agreements).SingleAsync(t => t.Id == id);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task TheCompanyPlans_StaffIssue_AMemberAcceptsWithItsPassword_AndTranchesArePaidOnlyWhenTheirConditionHolds(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var organization = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤과제수행(주)");
        const long Grant = 100_000_000;
        var id = await TaskData.SelectedTaskAsync(factory, organization.Id, Grant);
        var (member, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        var url = $"/tasks/{id}";
        var task = await LoadAsync(factory, id);

        // A plan breaking two ratios: each message on its own category, nothing saved.
        var bad = TaskData.GoodPlan(Grant, task.StartsOn);
        bad["Plan.OwnCash[0]"] = "1000000"; // own share far below 25 %
        bad["Plan.Grant[7]"] = "20000000"; // indirect above 10 % of direct
        bad["Plan.Grant[0]"] = $"{Grant - Grant / 5 - 20_000_000}";
        using var refused = await member.SubmitAsync(url, bad, url + "?handler=Plan");
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        var afterRefused = await LoadAsync(factory, id);
        using var saved = await member.SubmitAsync(url, TaskData.GoodPlan(Grant, task.StartsOn), url + "?handler=Plan");
        using var memberIssues = await member.SubmitAsync(url, new Dictionary<string, string> { ["version"] = "0" }, url + "?handler=Issue");
        var staffForm = TaskData.GoodPlan(Grant, task.StartsOn, firstTranche: 60_000_000);
        staffForm["Plan.Version"] = $"{(await LoadAsync(factory, id)).Version}";
        using var staffTranches = await staff.SubmitAsync(url, staffForm, url + "?handler=Plan");
        var staffTranchesHtml = await staffTranches.Content.ReadAsStringAsync();
        var planned = await LoadAsync(factory, id);
        using var issued = await staff.SubmitAsync(url, new Dictionary<string, string> { ["version"] = $"{planned.Version}" }, url + "?handler=Issue");
        using var wrongPassword = await member.SubmitAsync(url, new Dictionary<string, string> { ["number"] = "1", ["Password"] = "not-my-password" }, url + "?handler=Accept");
        var wrongHtml = await wrongPassword.Content.ReadAsStringAsync();
        var beforeAccept = await LoadAsync(factory, id);
        using var accepted = await member.SubmitAsync(url, new Dictionary<string, string> { ["number"] = "1", ["Password"] = Members.Password }, url + "?handler=Accept");
        var running = await LoadAsync(factory, id);
        using var pdf = await member.Http.GetAsync(url + "?handler=Pdf&number=1");
        var pdfBytes = await pdf.Content.ReadAsByteArrayAsync();
        using var outOfOrder = await staff.SubmitAsync(url, new Dictionary<string, string> { ["version"] = $"{running.Version}", ["sequence"] = "2" }, url + "?handler=Pay");
        var outOfOrderHtml = await outOfOrder.Content.ReadAsStringAsync();
        using var first = await staff.SubmitAsync(url, new Dictionary<string, string> { ["version"] = $"{running.Version}", ["sequence"] = "1" }, url + "?handler=Pay");
        var paid = await LoadAsync(factory, id);
        using var second = await staff.SubmitAsync(url, new Dictionary<string, string> { ["version"] = $"{paid.Version}", ["sequence"] = "2" }, url + "?handler=Pay");
        var secondHtml = await second.Content.ReadAsStringAsync();
        using var stale = await staff.SubmitAsync(url, new Dictionary<string, string> { ["version"] = $"{running.Version}" }, url + "?handler=Interim");
        var staleHtml = await stale.Content.ReadAsStringAsync();
        var (_, memberPage) = await member.GetPageAsync(url);
        var details = await member.Http.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("기업 부담금이 총 사업비의 25% 이상이어야 합니다", refusedHtml);
        Assert.Contains("간접비는 직접비의 10% 이하여야 합니다", refusedHtml);
        Assert.Contains("id=\"Plan_Grant_7_-error\"", refusedHtml); // the indirect message sits on the indirect row
        Assert.Equal(task.Budget, afterRefused.Budget);
        Assert.Equal(url, PageClient.RedirectPath(saved));
        Assert.StartsWith("/account/access-denied", PageClient.RedirectPath(memberIssues), StringComparison.Ordinal);
        Assert.True(url == PageClient.RedirectPath(staffTranches), staffTranchesHtml);
        Assert.Equal([60_000_000L, 40_000_000L], planned.Installments.OrderBy(i => i.Sequence).Select(i => i.Amount));
        Assert.Equal(Grant, planned.Budget.Sum(b => b.Grant));
        Assert.Equal(url, PageClient.RedirectPath(issued));
        Assert.Contains("비밀번호가 맞지 않습니다", wrongHtml);
        Assert.Equal(FundedTaskStatus.AwaitingAgreement, beforeAccept.Status);
        Assert.Equal(url, PageClient.RedirectPath(accepted));
        Assert.Equal(FundedTaskStatus.InProgress, running.Status);
        Assert.NotNull(running.Agreements.Single().AcceptedAt);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), pdfBytes[..4]);
        Assert.Contains("앞 차수를 먼저 지급해야 합니다", outOfOrderHtml);
        Assert.Contains("아직 충족되지 않았습니다", secondHtml); // tranche 2 waits for the interim report
        Assert.Contains("그사이 다른 사람이 과제를 바꿨습니다", staleHtml); // a form older than the task's last change
        Assert.Equal(url, PageClient.RedirectPath(first));
        Assert.NotNull(paid.Installments.Single(i => i.Sequence == 1).PaidAt);
        Assert.Null(paid.Installments.Single(i => i.Sequence == 2).PaidAt);
        Assert.Contains("data-testid=\"paid-1\"", memberPage);
        Assert.Equal(60_000_000, details.GetProperty("settlement").GetProperty("paid").GetInt64());
        Assert.Equal("InProgress", details.GetProperty("task").GetProperty("status").GetString());
        await using var db = factory.CreateDbContext();
        var entry = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Subject == $"task:{running.Number}");
        Assert.Contains($"\"businessNumber\":\"{organization.BusinessNumber}\"", entry.Body);
        Assert.Equal(2, await db.Notifications.CountAsync(n => n.Key.StartsWith($"task:{id}:")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task OnlyTheOrganizationsMembersAndStaff_SeeATask(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var organization = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤권한(주)");
        var other = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤남의회사(주)");
        var id = await TaskData.SelectedTaskAsync(factory, organization.Id, 50_000_000);
        var (member, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        var (stranger, _) = await DirectoryData.SignedInMemberOfAsync(factory, other.Id);
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        using var evaluator = await ProgramData.SignedInWithRoleAsync(factory, Roles.Evaluator);
        using var anonymous = factory.CreatePageClient();

        async Task<(HttpStatusCode Page, HttpStatusCode Api, bool Listed)> ReadAsync(PageClient client)
        {
            using var page = await client.Http.GetAsync($"/tasks/{id}"); // a refused page sends to the access-denied page
            using var api = await client.Http.GetAsync($"/api/v1/tasks/{id}");
            using var list = await client.Http.GetAsync("/api/v1/tasks");
            var listed = list.IsSuccessStatusCode && (await list.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Any(t => t.GetProperty("id").GetInt32() == id);
            return (page.StatusCode, api.StatusCode, listed);
        }

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, true), await ReadAsync(member));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, true), await ReadAsync(staff));
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Forbidden, false), await ReadAsync(stranger));
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Forbidden, false), await ReadAsync(evaluator));
        var (anonymousPage, anonymousApi, _) = await ReadAsync(anonymous);
        Assert.Equal(HttpStatusCode.Redirect, anonymousPage); // to sign-in
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousApi);
        using var staffOnly = await member.Http.GetAsync("/admin/tasks");
        Assert.Equal(HttpStatusCode.Redirect, staffOnly.StatusCode); // access denied
        using var strangerPlans = await stranger.SubmitAsync("/tasks", TaskData.GoodPlan(50_000_000, DateOnly.FromDateTime(DateTime.UtcNow)), $"/tasks/{id}?handler=Plan");
        Assert.NotEqual(HttpStatusCode.OK, strangerPlans.StatusCode);
        Assert.Equal(FundedTaskStatus.AwaitingAgreement, (await LoadAsync(factory, id)).Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AResearcher_TakesPartInAtMostFiveTasksAtOnce_EvenWhenTwentyAreAddedTogether(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var organization = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤연구원(주)");
        var tasks = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            tasks.Add(await TaskData.SelectedTaskAsync(factory, organization.Id, 10_000_000));
        }
        var number = $"{Random.Shared.Next(20_000_000, 99_999_999)}";
        DateOnly start;
        await using (var db = factory.CreateDbContext())
        {
            start = await db.FundedTasks.Where(t => t.Id == tasks[0]).Select(t => t.StartsOn).SingleAsync();
        }
        var outcomes = await Task.WhenAll(tasks.Select(id => Task.Run(async () =>
        {
            using var scope = factory.Services.CreateScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<ChangeResearchers>().AddAsync(id,
                    new ChangeResearchers.Input(number, "박동시", ResearcherRole.Participant, start, start.AddMonths(5), 10), CancellationToken.None);
                return "added";
            }
            catch (DomainException refused)
            {
                return refused.Code;
            }
        })));

        Assert.Equal(5, outcomes.Count(o => o == "added"));
        Assert.Equal(15, outcomes.Count(o => o == "researcher.too-many-tasks"));
        await using var check = factory.CreateDbContext();
        Assert.Equal(5, await check.TaskResearchers.CountAsync(r => r.ResearcherNumber == number));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task TheNoUnfinishedTaskRule_ReadsTheTasksState(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var organization = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤재신청(주)");
        var id = await TaskData.SelectedTaskAsync(factory, organization.Id, 10_000_000);
        var callId = await ProgramData.AddCallAsync(factory, "뮤뮤 다음 공모");
        var application = await EvaluationData.ScreenedInAsync(factory, callId, organization.Id, 5_000_000);
        async Task<bool> UnfinishedAsync()
        {
            await using var db = factory.CreateDbContext();
            var result = await Screening.EvaluateAsync(db, application, DateTimeOffset.UtcNow, CancellationToken.None);
            return result.Duplicates.Any(d => d.ReasonKey == "Screening.Duplicate.Funded");
        }

        var whileRunning = await UnfinishedAsync();
        await using (var db = factory.CreateDbContext())
        {
            // Settlement comes with expenses; the state it ends in is what the rule reads.
            await db.FundedTasks.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, FundedTaskStatus.Settled));
        }
        var afterSettlement = await UnfinishedAsync();

        Assert.True(whileRunning);
        Assert.False(afterSettlement);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AgreementChanges_NotifiedOnesApplyAtOnce_ApprovalOnesWait_AndOfTwoInFlightOnlyTheFirstApplies(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var organization = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤협약변경(주)");
        const long Grant = 100_000_000;
        var id = await TaskData.SelectedTaskAsync(factory, organization.Id, Grant);
        var (member, memberUser) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        var own = Grant * 3 / 7 + 1;
        using (var scope = factory.Services.CreateScope())
        {
            var plan = scope.ServiceProvider.GetRequiredService<PlanTask>();
            var task = await LoadAsync(factory, id);
            await plan.PlanAsync(id, task.Version, new PlanTask.Plan(task.StartsOn, task.EndsOn,
                [new BudgetLine(ExpenseCategory.Personnel, 80_000_000, own, 0), new BudgetLine(ExpenseCategory.Materials, 20_000_000, 0, 0)],
                [(Grant, InstallmentCondition.AgreementSigned)], StartTasks.DefaultObligations), CancellationToken.None);
            await plan.IssueAsync(id, (await LoadAsync(factory, id)).Version, Guid.NewGuid(), CancellationToken.None);
            await plan.AcceptAsync(id, 1, memberUser.Id, CancellationToken.None);
        }
        var running = await LoadAsync(factory, id);
        var url = $"/tasks/{id}";
        Dictionary<string, string> Change(long personnel, long materials, DateOnly endsOn, long equipment = 0, string reason = "시약 단가 상승") => new()
        {
            ["Plan.EndsOn"] = endsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Plan.Grant[0]"] = $"{personnel}", ["Plan.OwnCash[0]"] = $"{own}", ["Plan.Grant[4]"] = $"{materials}", ["Plan.Grant[2]"] = $"{equipment}", ["Reason"] = reason,
        };

        // 2,000,000 won from personnel to materials: 10 % of materials, 1.6 % of personnel: notified, in force at once.
        using var notified = await member.SubmitAsync(url, Change(78_000_000, 22_000_000, running.EndsOn), url + "?handler=RequestChange");
        var afterNotified = await LoadAsync(factory, id);
        // A longer period, and (separately) a new category: both wait for staff.
        using var longer = await member.SubmitAsync(url, Change(78_000_000, 22_000_000, running.EndsOn.AddMonths(3)), url + "?handler=RequestChange");
        using var equipment = await member.SubmitAsync(url, Change(68_000_000, 22_000_000, running.EndsOn, equipment: 10_000_000), url + "?handler=RequestChange");
        using var noReason = await member.SubmitAsync(url, Change(78_000_000, 22_000_000, running.EndsOn, reason: ""), url + "?handler=RequestChange");
        List<ChangeRequest> requests;
        await using (var db = factory.CreateDbContext())
        {
            requests = await db.ChangeRequests.AsNoTracking().Where(r => r.TaskId == id).OrderBy(r => r.Id).ToListAsync();
        }
        var (_, staffPage) = await staff.GetPageAsync(url);
        using var approved = await staff.SubmitAsync(url, new Dictionary<string, string> { ["requestId"] = $"{requests[1].Id}", ["approve"] = "true" }, url + "?handler=Decide");
        using var stale = await staff.SubmitAsync(url, new Dictionary<string, string> { ["requestId"] = $"{requests[2].Id}", ["approve"] = "true" }, url + "?handler=Decide");
        var staleHtml = await stale.Content.ReadAsStringAsync();
        using var bareReject = await staff.SubmitAsync(url, new Dictionary<string, string> { ["requestId"] = $"{requests[2].Id}", ["approve"] = "false" }, url + "?handler=Decide");
        var bareRejectHtml = await bareReject.Content.ReadAsStringAsync();
        using var rejected = await staff.SubmitAsync(url, new Dictionary<string, string> { ["requestId"] = $"{requests[2].Id}", ["approve"] = "false", ["Reason"] = "기간 변경 후 다시 요청해 주세요" }, url + "?handler=Decide");
        var final = await LoadAsync(factory, id);

        Assert.Equal(url, PageClient.RedirectPath(notified));
        Assert.Equal(2, afterNotified.InForce!.Number);
        Assert.Equal(22_000_000, afterNotified.Budget.Single(b => b.Category == ExpenseCategory.Materials).Grant);
        Assert.Contains("변경 사유를", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(3, requests.Count);
        Assert.Equal([ChangeKind.Notification, ChangeKind.Approval, ChangeKind.Approval], requests.Select(r => r.Kind));
        Assert.Equal([ChangeRequestStatus.Applied, ChangeRequestStatus.Pending, ChangeRequestStatus.Pending], requests.Select(r => r.Status));
        Assert.Contains("변경 전(2판)", staffPage); // side by side, against the version it was based on
        Assert.Equal(url, PageClient.RedirectPath(approved));
        Assert.Contains("그사이 3판이 적용되었습니다", staleHtml);
        Assert.Contains("반려 사유를 입력해 주세요", bareRejectHtml);
        Assert.Equal(url, PageClient.RedirectPath(rejected));
        Assert.Equal(3, final.InForce!.Number);
        Assert.Equal(running.EndsOn.AddMonths(3), final.EndsOn);
        Assert.DoesNotContain(final.Budget, b => b.Category == ExpenseCategory.Equipment);
        await using var check = factory.CreateDbContext();
        Assert.Equal(ChangeRequestStatus.Rejected, (await check.ChangeRequests.SingleAsync(r => r.Id == requests[2].Id)).Status);
        Assert.Equal(2, await check.Notifications.CountAsync(n => n.Key.StartsWith($"task:{id}:change:")));
    }
}
