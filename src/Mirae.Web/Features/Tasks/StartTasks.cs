using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Applications;
using Mirae.Web.Features.Calls;

namespace Mirae.Web.Features.Tasks;

/// <summary>
/// A confirmed selection starts one funded task per selected application (in the confirmation's unit of work): numbered
/// in receipt order, with the awarded amount as its grant, the call's funding ratios and a first plan to edit.
/// </summary>
public static class StartTasks
{
    /// <summary>The answer key a form uses for the project's summary, which a task starts from as its goal.</summary>
    public const string GoalKey = "summary";

    /// <summary>The obligations every agreement starts from when its call has no template of its own (the call's template terms); staff adjust them per task.</summary>
    public const string DefaultObligations =
        "1. 주관기관은 협약에서 정한 목적과 계획에 따라 과제를 성실히 수행한다.\n" +
        "2. 사업비는 별도 계정으로 관리하고, 비목별 계획에 따라 집행하며 증빙을 5년간 보관한다.\n" +
        "3. 중간보고서와 최종보고서를 정해진 기한까지 제출하고, 정산 결과 불인정 금액과 집행 잔액은 반납한다.\n" +
        "4. 과제책임자, 수행 기간, 목표의 변경은 사전 승인을 받고, 그 밖의 경미한 변경은 통보한다.";

    /// <param name="amounts">The awarded amount per selected application's receipt number (the decision's items).</param>
    public static async Task<IReadOnlyList<FundedTask>> AddAsync(AppDbContext db, int callId, IReadOnlyDictionary<string, long> amounts, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == callId).Select(c => new { c.Year, c.Funding, c.AgreementTemplate }).SingleAsync(cancellationToken);
        var obligations = call.AgreementTemplate.Trim().Length > 0 ? call.AgreementTemplate.Trim() : DefaultObligations;
        var selected = await db.Applications.AsNoTracking().Where(a => a.CallId == callId && a.Status == ApplicationStatus.Selected)
            .OrderBy(a => a.ReceiptNumber).ThenBy(a => a.Id).Select(a => new { a.Id, a.OrganizationId, a.ReceiptNumber, a.Answers }).ToListAsync(cancellationToken);
        var existing = await db.FundedTasks.Where(t => t.CallId == callId).Select(t => t.ApplicationId).ToListAsync(cancellationToken);
        var sequence = existing.Count;
        // The task period starts on the first day of the month after the selection (KST); staff set it in the plan.
        var today = DateOnly.FromDateTime(now.UtcDateTime.AddHours(9));
        var startsOn = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var tasks = new List<FundedTask>();
        foreach (var application in selected.Where(a => !existing.Contains(a.Id)))
        {
            var title = application.Answers.GetValueOrDefault(Screening.TopicKey) is { Length: > 0 } topic ? topic : application.ReceiptNumber ?? "";
            var task = FundedTask.Create(FundedTask.NumberOf(call.Year, callId, ++sequence), callId, application.Id, application.OrganizationId,
                title.Length > 200 ? title[..200] : title, amounts.GetValueOrDefault(application.ReceiptNumber ?? "", 0), call.Funding, obligations, startsOn, now,
                application.Answers.GetValueOrDefault(GoalKey, ""));
            db.FundedTasks.Add(task);
            tasks.Add(task);
        }
        return tasks;
    }
}
