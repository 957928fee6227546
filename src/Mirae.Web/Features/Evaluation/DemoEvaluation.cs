using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Data;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Applications;
using Mirae.Web.Features.Calls;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Evaluation;

/// <summary>
/// The demo's evaluation: an evaluator pool, and the ended demo call evaluated, closed and selected under its budget,
/// so the public results page and the re-runnable inputs are there from the first start. Added once.
/// </summary>
public static class DemoEvaluation
{
    private static readonly (string Name, string Affiliation, string[] Fields)[] Experts =
    [
        ("김서연", "인하대학교 생명공학과", ["bio"]),
        ("이준호", "한국생산기술연구원", ["device"]),
        ("박지민", "연세대학교 약학대학", ["bio", "digital"]),
        ("최현우", "(재)인천테크노파크", ["digital", "device"]),
        ("정다은", "한국바이오의약품협회", ["bio"]),
        ("한승민", "가천대학교 의공학과", ["device", "digital"]),
    ];

    private static readonly string[] Titles =
    [
        "무혈청 CHO 세포배양 배지 시제품 제작", "일회용 바이오리액터 백 필름 인증", "바이러스 제거 필터 성능시험 대응", "동결건조 바이알 고무마개 국산화",
        "세포치료제 공정용 튜빙 어셈블리", "AI 기반 배양 공정 모니터링 시제품", "정제용 크로마토그래피 레진 시생산", "멸균 커넥터 사출 금형 개발",
        "원부자재 품질문서 전자화 서비스", "단백질 A 레진 재생 공정 개선", "저온 유통 온도기록계 인증", "배지 원료 분말 GMP 시설 보완",
    ];

    public static async Task SeedAsync(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
    {
        if (await db.Evaluators.AnyAsync())
        {
            return;
        }
        var now = clock.GetUtcNow();
        var experts = new List<Evaluator>();
        foreach (var (expert, i) in Experts.Select((e, i) => (e, i)))
        {
            // The experts scored the demo call, so they have joined: an account (no password; they would set one
            // through the address) linked by their invitation, not "invited, not joined" beside eight submitted sheets.
            var email = $"evaluator{i + 1}@example.kr";
            var (evaluator, token) = Evaluator.Invite(email, expert.Name, expert.Affiliation, null, expert.Fields, [], [], now);
            var user = AppUser.Citizen(email, expert.Name, now);
            user.EmailConfirmed = true;
            (await users.CreateAsync(user)).EnsureSucceeded();
            (await users.AddToRoleAsync(user, Roles.Citizen)).EnsureSucceeded();
            evaluator.Join(token, user.Id, now);
            experts.Add(evaluator);
        }
        db.Evaluators.AddRange(experts);
        await db.SaveChangesAsync();

        var call = await db.Calls.Where(c => c.Status == CallStatus.Published && c.ClosesAt < now).OrderBy(c => c.Id).FirstOrDefaultAsync();
        var suppliers = await db.Organizations.Where(o => o.Kind == OrganizationKind.Supplier).OrderBy(o => o.Id).Take(Titles.Length).ToListAsync();
        if (call is null || suppliers.Count < Titles.Length || await db.Applications.AnyAsync(a => a.CallId == call.Id))
        {
            return;
        }
        await EvaluateAsync(db, call, suppliers, experts);
    }

    private static async Task EvaluateAsync(AppDbContext db, Call call, List<Organization> suppliers, List<Evaluator> experts)
    {
        var (applied, decided) = (call.OpensAt.AddDays(7), call.ClosesAt.AddDays(1));
        string[] categories = ["bio", "device", "digital"];
        var applications = new List<Application>();
        for (var i = 0; i < Titles.Length; i++)
        {
            var application = Application.Start(call, suppliers[i].Id, Guid.Empty, applied);
            var amount = 30_000_000 + (i * 7 % 11) * 5_000_000;
            application.SaveDraft(call, new Dictionary<string, string>
            {
                ["title"] = Titles[i], ["summary"] = $"{suppliers[i].NameKo}의 {Titles[i]} 과제입니다.", ["amount"] = $"{amount}", ["kind"] = "new",
                [AssignEvaluators.CategoryKey] = categories[i % 3],
            }, applied);
            applications.Add(application);
        }
        db.Applications.AddRange(applications);
        await db.SaveChangesAsync();
        foreach (var application in applications)
        {
            application.Submit(call, Guid.Empty, applied);
            application.Screen(eligible: true, null, reasonRequired: false, Guid.Empty, decided);
        }
        call.Close(decided);
        applications.ForEach(a => a.StartEvaluation(call, Guid.Empty, decided));
        var panel = Panel.Open(call.Id, 3, Aggregation.Mean, decided);
        db.Panels.Add(panel);
        await db.SaveChangesAsync();

        var (pairs, _) = AssignEvaluators.Plan(applications.Select(a => (a.Id, a.Answers.GetValueOrDefault(AssignEvaluators.CategoryKey))).ToList(),
            experts.Select(e => new AssignEvaluators.Candidate(e.Id, e.Fields)).ToList(), new HashSet<(int, int)>(), [], 3);
        var scoredAt = decided.AddDays(10);
        foreach (var (applicationId, evaluatorId) in pairs)
        {
            var assignment = Assignment.Create(panel.Id, applicationId, experts.Single(e => e.Id == evaluatorId), null, decided);
            db.Assignments.Add(assignment);
            var index = applications.FindIndex(a => a.Id == applicationId);
            if (index == 4 && evaluatorId == pairs.First(p => p.ApplicationId == applicationId).EvaluatorId)
            {
                assignment.Declare(true, "신청 기업의 기술 자문위원으로 활동 중", scoredAt);
                continue;
            }
            assignment.Declare(false, null, scoredAt);
            // Quality differs by application, and each evaluator is a little harsher or more lenient.
            var quality = 0.62m + (index * 5 % 12) * 0.03m + (evaluatorId % 3 - 1) * 0.03m;
            var points = call.Rubric.Select(c => new CriterionScore((int)Math.Min(c.MaxPoints, Math.Round(c.MaxPoints * quality)), "검토 의견은 평가표 원본에 있습니다.")).ToList();
            assignment.Save(call.Rubric, points, "지역 공급망 기여가 기대됩니다.", submit: true, scoredAt);
        }
        panel.Close(scoredAt.AddDays(1));
        await db.SaveChangesAsync();

        var scores = await db.Assignments.Where(a => a.PanelId == panel.Id && a.Score != null)
            .Select(a => new SubmittedScore(a.ApplicationId, a.EvaluatorId, a.Score!.Value)).ToListAsync();
        var aggregates = Aggregate.Compute(panel.Aggregation, scores);
        var problem = new SelectionProblem((long)call.TotalBudget / 2, 70, call.ExpectedAwards, [new CategoryLimit("bio", 2, null)],
            applications.Select(a => new SelectionItem(a.ReceiptNumber!, aggregates[a.Id], (long)a.RequestedAmount!.Value, a.Answers[AssignEvaluators.CategoryKey])).ToList());
        var result = SelectionSolver.Solve(problem).Result ?? throw new InvalidOperationException("the demo selection must be feasible");
        var confirmedAt = scoredAt.AddDays(3);
        var decision = SelectionDecision.Confirm(call.Id, problem, result,
            "선정위원회(서면) 심의: 예산의 절반을 이번 차수에 배정하고 바이오 소재 분야 최소 2건을 선정하기로 의결.", Guid.Empty, confirmedAt);
        db.SelectionDecisions.Add(decision);
        foreach (var application in applications)
        {
            application.ConcludeEvaluation(result.Selected.Contains(application.ReceiptNumber!), Guid.Empty, confirmedAt);
        }
        await db.SaveChangesAsync();
        // The demo's decision is in the verifiable log like a real one (numbered and signed by the sequencer at start).
        db.LedgerEntries.Add(LedgerEntry.Create(LedgerKinds.Award, AwardLedger.Subject(call.Id),
            LedgerRecords.Envelope(LedgerKinds.Award, AwardLedger.Subject(call.Id), confirmedAt, AwardLedger.Data(decision, await AwardLedger.BusinessNumbersAsync(db, call.Id, default))),
            confirmedAt));
        await db.SaveChangesAsync();
    }
}
