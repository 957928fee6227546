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

    [Theory, MemberData(nameof(Providers))]
    public async Task Expenses_AreCheckedOnEntry_ImportedAllOrNothing_AndFlaggedForStaff(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var organization = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤집행(주)");
        var (member, memberUser) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        var id = await TaskData.RunningTaskAsync(factory, organization.Id, 100_000_000, memberUser.Id);
        var start = (await LoadAsync(factory, id)).StartsOn;
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        var (stranger, _) = await DirectoryData.SignedInMemberOfAsync(factory, (await DirectoryData.AddOrganizationAsync(factory, "뮤뮤남집행(주)")).Id);
        var url = $"/tasks/{id}/expenses";
        var weekday = Enumerable.Range(0, 7).Select(start.AddDays).First(d => d.DayOfWeek == DayOfWeek.Tuesday);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Dictionary<string, string> Form(DateOnly on, string category = "Materials", string amount = "1200000") => new()
        {
            ["Expense.SpentOn"] = Day(on), ["Expense.Category"] = category, ["Expense.Amount"] = amount, ["Expense.VendorNumber"] = "124-81-00998",
            ["Expense.VendorName"] = "인천시약(주)", ["Expense.Purpose"] = "배지 원료 구입",
        };
        async Task<int> CountAsync()
        {
            await using var db = factory.CreateDbContext();
            return await db.Expenses.CountAsync(e => e.TaskId == id);
        }

        using var disguised = await member.SubmitFilesAsync(url, new Dictionary<string, (string, byte[])> { ["Expense.Evidence"] = ("영수증.pdf", Files.Exe()) }, Form(weekday), url + "?handler=Add");
        using var outside = await member.SubmitAsync(url, Form(start.AddDays(-1)), url + "?handler=Add");
        using var notPlanned = await member.SubmitAsync(url, Form(weekday, category: "Equipment"), url + "?handler=Add");
        using var negative = await member.SubmitAsync(url, Form(weekday, amount: "-5000"), url + "?handler=Add");
        var afterBad = await CountAsync();
        using var good = await member.SubmitFilesAsync(url, new Dictionary<string, (string, byte[])> { ["Expense.Evidence"] = ("영수증.pdf", Files.Pdf()) }, Form(weekday), url + "?handler=Add");
        var saturday = weekday.AddDays(4);
        var csvHead = "date,category,amount,vendor_business_number,vendor_name,purpose\n";
        var badCsv = csvHead + $"{Day(weekday)},연구재료비,3000000,124-81-00998,인천시약(주),시약\n{Day(weekday)},없는비목,1000,124-81-00998,인천시약(주),시약\n";
        var goodCsv = csvHead
            + $"{Day(saturday)},연구재료비,\"1,000,000\",124-81-00998,인천시약(주),주말 구매\n"
            + $"{Day(weekday.AddDays(1))},인건비,2000000,{organization.BusinessNumber},뮤뮤집행(주),자기 거래\n"
            + $"{Day(weekday.AddDays(2))},연구재료비,3000000,909-86-03085,분할상사,분할 1\n"
            + $"{Day(weekday.AddDays(2))},연구재료비,3000000,909-86-03085,분할상사,분할 2\n"
            + $"{Day(weekday.AddDays(3))},Materials,15000000,124-81-00998,인천시약(주),계획 초과\n";
        using var badImport = await member.SubmitFilesAsync(url, new Dictionary<string, (string, byte[])> { ["Statement"] = ("statement.csv", System.Text.Encoding.UTF8.GetBytes(badCsv)) },
            new Dictionary<string, string>(), url + "?handler=Import");
        var afterBadImport = await CountAsync();
        using var goodImport = await member.SubmitFilesAsync(url, new Dictionary<string, (string, byte[])> { ["Statement"] = ("statement.csv", System.Text.Encoding.UTF8.GetBytes(goodCsv)) },
            new Dictionary<string, string>(), url + "?handler=Import");
        await using (var researchers = factory.CreateDbContext())
        {
            // A researcher from another organization: paying that organization is flagged like paying the company itself.
            researchers.TaskResearchers.Add(new TaskResearcher(id, "31234567", "한소속", ResearcherRole.Participant, start, start, 10, "9098603085"));
            await researchers.SaveChangesAsync();
        }
        var (staffStatus, staffPage) = await staff.GetPageAsync(url);
        using var strangerReads = await stranger.Http.GetAsync(url);
        await using var db = factory.CreateDbContext();
        var expenses = await db.Expenses.AsNoTracking().Where(e => e.TaskId == id).OrderBy(e => e.Id).ToListAsync();
        string FlagsOf(int expenseId) => staffPage.Split($"data-testid=\"flags-{expenseId}\"")[1].Split("</td>")[0];

        Assert.Contains("id=\"Expense_SpentOn-error\"", await outside.Content.ReadAsStringAsync());
        Assert.Contains("협약 사업비 계획에 없는 비목입니다", await notPlanned.Content.ReadAsStringAsync());
        Assert.Contains("id=\"Expense_Amount-error\"", await negative.Content.ReadAsStringAsync());
        Assert.Contains("파일", await disguised.Content.ReadAsStringAsync());
        Assert.Equal(0, afterBad);
        Assert.Equal(url, PageClient.RedirectPath(good));
        Assert.Contains("statement.csv:3: 비목을 알 수 없습니다", await badImport.Content.ReadAsStringAsync());
        Assert.Equal(1, afterBadImport); // nothing of the bad file
        Assert.Equal(url, PageClient.RedirectPath(goodImport));
        Assert.Equal(6, expenses.Count);
        Assert.Equal(1_000_000, expenses[1].Amount); // "1,000,000" in quotes
        Assert.Equal(HttpStatusCode.OK, staffStatus);
        Assert.Equal(HttpStatusCode.Redirect, strangerReads.StatusCode);
        Assert.DoesNotContain("data-flag", FlagsOf(expenses[0].Id)); // a weekday purchase with its receipt
        Assert.Contains("data-flag=\"WeekendOrHoliday\"", FlagsOf(expenses[1].Id));
        Assert.Contains("data-flag=\"MissingEvidence\"", FlagsOf(expenses[1].Id));
        Assert.Contains("data-flag=\"OwnCompany\"", FlagsOf(expenses[2].Id));
        Assert.Contains("data-flag=\"SplitPurchase\"", FlagsOf(expenses[3].Id));
        Assert.Contains("data-flag=\"OwnCompany\"", FlagsOf(expenses[3].Id)); // the researcher's organization
        Assert.Contains("data-flag=\"SplitPurchase\"", FlagsOf(expenses[4].Id));
        Assert.Contains("data-flag=\"OverPlan\"", FlagsOf(expenses[5].Id)); // 1.2 + 1 + 3 + 3 + 15 M > materials' 20 M
        Assert.DoesNotContain("data-flag=\"OverPlan\"", FlagsOf(expenses[4].Id));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Settlement_DisallowsWithReasons_TheCompanyObjectsOnce_AndTheFinalFiguresAreExactAndLogged(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var organization = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤정산(주)");
        var (member, memberUser) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        const long Grant = 100_000_000;
        var id = await TaskData.RunningTaskAsync(factory, organization.Id, Grant, memberUser.Id);
        var task = await LoadAsync(factory, id);
        int personnelExpense;
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PlanTask>().PayAsync(id, task.Version, 1, Guid.NewGuid(), CancellationToken.None);
            var record = scope.ServiceProvider.GetRequiredService<RecordExpenses>();
            var weekday = Enumerable.Range(0, 7).Select(task.StartsOn.AddDays).First(d => d.DayOfWeek == DayOfWeek.Wednesday);
            personnelExpense = await record.AddAsync(id, new RecordExpenses.Input(weekday, ExpenseCategory.Personnel, 50_000_000, "124-81-00998", "인력사", "연구원 급여"), null,
                memberUser.Id, CancellationToken.None);
            await record.AddAsync(id, new RecordExpenses.Input(weekday, ExpenseCategory.Materials, 25_000_000, "124-81-00998", "인천시약(주)", "배지 원료"), null,
                memberUser.Id, CancellationToken.None);
        }
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        var url = $"/tasks/{id}/settlement";
        using var started = await staff.SubmitAsync(url, new Dictionary<string, string> { ["version"] = $"{(await LoadAsync(factory, id)).Version}" }, url + "?handler=Start");
        using var beforeShared = await member.Http.GetAsync(url);
        using var noReason = await staff.SubmitAsync(url, new Dictionary<string, string> { ["expenseId"] = $"{personnelExpense}", ["amount"] = "2000000" }, url + "?handler=Disallow");
        var noReasonHtml = await noReason.Content.ReadAsStringAsync();
        using var disallowed = await staff.SubmitAsync(url, new Dictionary<string, string>
        {
            ["expenseId"] = $"{personnelExpense}", ["amount"] = "2000000", ["Reason"] = "과제와 무관한 인력의 급여",
        }, url + "?handler=Disallow");
        using var shared = await staff.SubmitAsync(url, new Dictionary<string, string> { ["version"] = $"{(await LoadAsync(factory, id)).Version}" }, url + "?handler=Share");
        var (memberStatus, memberPage) = await member.GetPageAsync(url);
        using var objected = await member.SubmitAsync(url, new Dictionary<string, string> { ["Reason"] = "해당 인력은 과제 참여 인력입니다" }, url + "?handler=Object");
        using var again = await member.SubmitAsync(url, new Dictionary<string, string> { ["Reason"] = "다시" }, url + "?handler=Object");
        var againHtml = await again.Content.ReadAsStringAsync();
        using var xlsx = await member.Http.GetAsync(url + "?handler=Xlsx");
        var xlsxBytes = await xlsx.Content.ReadAsByteArrayAsync();
        using var csv = await member.Http.GetAsync(url + "?handler=Csv");
        var csvText = System.Text.Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]);
        using var final = await staff.SubmitAsync(url, new Dictionary<string, string> { ["version"] = $"{(await LoadAsync(factory, id)).Version}" }, url + "?handler=Finalize");
        var settled = await LoadAsync(factory, id);

        var personnelPlan = 80_000_000L + Grant * 3 / 7 + 1;
        var personnelGrant = (long)Math.Floor(48_000_000m * 80_000_000m / personnelPlan);
        var toReturn = Grant - personnelGrant - 20_000_000;
        Assert.Equal(url, PageClient.RedirectPath(started));
        Assert.Equal(HttpStatusCode.NotFound, beforeShared.StatusCode); // the company sees it once shared
        Assert.Contains("불인정 사유를", noReasonHtml);
        Assert.Equal(url, PageClient.RedirectPath(disallowed));
        Assert.Equal(url, PageClient.RedirectPath(shared));
        Assert.Equal(HttpStatusCode.OK, memberStatus);
        Assert.Contains("과제와 무관한 인력의 급여", memberPage);
        Assert.Contains(toReturn.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), memberPage.Split("data-testid=\"to-return\"")[1][..80]);
        Assert.Equal(url, PageClient.RedirectPath(objected));
        Assert.Contains("이의 신청은 한 번만 할 수 있습니다", againHtml);
        Assert.Equal("PK"u8.ToArray(), xlsxBytes[..2]);
        Assert.Contains($"{toReturn}", csvText);
        Assert.Contains("5000000", csvText); // materials spent 5,000,000 beyond their plan
        Assert.Equal(url, PageClient.RedirectPath(final));
        Assert.Equal(FundedTaskStatus.Settled, settled.Status);
        Assert.Equal("해당 인력은 과제 참여 인력입니다", settled.Objection);
        await using var db = factory.CreateDbContext();
        var entry = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Subject == $"task:{settled.Number}" && e.Kind == "task.settlement");
        Assert.Contains($"\"toReturn\":{toReturn}", entry.Body);
        Assert.Contains("\"disallowed\":2000000", entry.Body);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AfterTheAgreement_AParticipantJoinsAtOnce_ThePrincipalInvestigatorOnlyWithApproval(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var organization = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤인력변경(주)");
        var (member, memberUser) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        var id = await TaskData.RunningTaskAsync(factory, organization.Id, 50_000_000, memberUser.Id);
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        var task = await LoadAsync(factory, id);
        var url = $"/tasks/{id}";
        var participantNumber = $"{Random.Shared.Next(20_000_000, 99_999_999)}";
        var piNumber = $"{Random.Shared.Next(20_000_000, 99_999_999)}";
        Dictionary<string, string> Join(string number, string role, string reason = "인력 보강") => new()
        {
            ["Researcher.ResearcherNumber"] = number, ["Researcher.Name"] = "정변경", ["Researcher.Role"] = role,
            ["Researcher.FromMonth"] = task.StartsOn.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            ["Researcher.ToMonth"] = task.EndsOn.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), ["Researcher.RatePercent"] = "20", ["Reason"] = reason,
        };
        async Task<List<TaskResearcher>> ResearchersAsync()
        {
            await using var db = factory.CreateDbContext();
            return await db.TaskResearchers.AsNoTracking().Where(r => r.TaskId == id).ToListAsync();
        }
        async Task<int> PendingAsync()
        {
            await using var db = factory.CreateDbContext();
            return await db.ChangeRequests.Where(r => r.TaskId == id && r.Status == ChangeRequestStatus.Pending).Select(r => r.Id).SingleAsync();
        }

        using var noReason = await member.SubmitAsync(url, Join(participantNumber, "Participant", reason: ""), url + "?handler=AddResearcher");
        using var participant = await member.SubmitAsync(url, Join(participantNumber, "Participant"), url + "?handler=AddResearcher");
        var afterParticipant = await ResearchersAsync();
        using var pi = await member.SubmitAsync(url, Join(piNumber, "PrincipalInvestigator"), url + "?handler=AddResearcher");
        var whilePending = await ResearchersAsync();
        using var approved = await staff.SubmitAsync(url, new Dictionary<string, string> { ["requestId"] = $"{await PendingAsync()}", ["approve"] = "true" }, url + "?handler=Decide");
        var afterApproval = await ResearchersAsync();
        var piRow = afterApproval.Single(r => r.ResearcherNumber == piNumber);
        using var leave = await member.SubmitAsync(url, new Dictionary<string, string> { ["researcherId"] = $"{piRow.Id}", ["Reason"] = "퇴사" }, url + "?handler=RemoveResearcher");
        var whileLeaving = await ResearchersAsync();
        using var leaveApproved = await staff.SubmitAsync(url, new Dictionary<string, string> { ["requestId"] = $"{await PendingAsync()}", ["approve"] = "true" }, url + "?handler=Decide");
        var final = await ResearchersAsync();
        var (_, page) = await member.GetPageAsync(url);

        Assert.Contains("변경 사유를", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(url, PageClient.RedirectPath(participant));
        Assert.Equal([participantNumber], afterParticipant.Select(r => r.ResearcherNumber));
        Assert.Equal(url, PageClient.RedirectPath(pi));
        Assert.DoesNotContain(whilePending, r => r.ResearcherNumber == piNumber);
        Assert.Equal(url, PageClient.RedirectPath(approved));
        Assert.Equal(ResearcherRole.PrincipalInvestigator, piRow.Role);
        Assert.Equal(url, PageClient.RedirectPath(leave));
        Assert.Contains(whileLeaving, r => r.ResearcherNumber == piNumber);
        Assert.Equal(url, PageClient.RedirectPath(leaveApproved));
        Assert.Equal([participantNumber], final.Select(r => r.ResearcherNumber));
        Assert.Equal(1, (await LoadAsync(factory, id)).InForce!.Number); // the people changed, the agreement's terms did not
        Assert.Contains("정변경(" + piNumber + ") 연구책임자 참여", page);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ATasksAgreement_StartsFromItsCallsTemplate(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var organization = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤양식(주)");
        var withTemplate = await TaskData.SelectedTaskAsync(factory, organization.Id, 10_000_000, "1. 이 공모만의 협약 조건");
        var other = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤기본양식(주)");
        var withoutTemplate = await TaskData.SelectedTaskAsync(factory, other.Id, 10_000_000);

        Assert.Equal("1. 이 공모만의 협약 조건", (await LoadAsync(factory, withTemplate)).Obligations);
        Assert.Equal(StartTasks.DefaultObligations, (await LoadAsync(factory, withoutTemplate)).Obligations);
    }
}
