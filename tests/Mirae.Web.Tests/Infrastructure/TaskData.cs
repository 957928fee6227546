using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Features.Tasks;

namespace Mirae.Web.Tests.Infrastructure;

/// <summary>Test data for funded tasks: a selected application of a new call and the task its selection starts (the use case the confirmation calls).</summary>
public static class TaskData
{
    public static async Task<int> SelectedTaskAsync(MiraeFactory factory, int organizationId, long grant, string? agreementTemplate = null, int? ofCall = null)
    {
        var callId = ofCall ?? await ProgramData.AddCallAsync(factory, "뮤뮤 과제 공모");
        if (agreementTemplate is not null)
        {
            await using var calls = factory.CreateDbContext();
            await calls.Calls.Where(c => c.Id == callId).ExecuteUpdateAsync(s => s.SetProperty(c => c.AgreementTemplate, agreementTemplate));
        }
        var applicationId = await EvaluationData.UnderEvaluationAsync(factory, callId, organizationId, grant);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
        application.ConcludeEvaluation(true, Guid.NewGuid(), now);
        await db.SaveChangesAsync();
        var tasks = await StartTasks.AddAsync(db, callId, new Dictionary<string, long> { [application.ReceiptNumber!] = grant }, now, CancellationToken.None);
        await db.SaveChangesAsync();
        return Assert.Single(tasks).Id;
    }

    /// <summary>A task in progress: planned (personnel 80 %, materials 20 % of the grant, own share in cash), issued, accepted by <paramref name="memberId"/>.</summary>
    public static async Task<int> RunningTaskAsync(MiraeFactory factory, int organizationId, long grant, Guid memberId)
    {
        var id = await SelectedTaskAsync(factory, organizationId, grant);
        using var scope = factory.Services.CreateScope();
        var plan = scope.ServiceProvider.GetRequiredService<PlanTask>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var task = await db.FundedTasks.AsNoTracking().SingleAsync(t => t.Id == id);
        await plan.PlanAsync(id, task.Version, new PlanTask.Plan(task.StartsOn, task.EndsOn,
            [new BudgetLine(ExpenseCategory.Personnel, grant - grant / 5, grant * 3 / 7 + 1, 0), new BudgetLine(ExpenseCategory.Materials, grant / 5, 0, 0)],
            [(grant, InstallmentCondition.AgreementSigned)], StartTasks.DefaultObligations), CancellationToken.None);
        var version = await db.FundedTasks.AsNoTracking().Where(t => t.Id == id).Select(t => t.Version).SingleAsync();
        await plan.IssueAsync(id, version, Guid.NewGuid(), CancellationToken.None);
        await plan.AcceptAsync(id, 1, memberId, CancellationToken.None);
        return id;
    }

    /// <summary>A plan form that keeps the call's default ratios: the grant on personnel and materials, the own share 30 % in cash, one tranche.</summary>
    public static Dictionary<string, string> GoodPlan(long grant, DateOnly startsOn, long? firstTranche = null)
    {
        var own = grant * 3 / 7 + 1;
        var form = new Dictionary<string, string>
        {
            ["Plan.StartsOn"] = startsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Plan.EndsOn"] = startsOn.AddYears(1).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Plan.Grant[0]"] = $"{grant - grant / 5}", ["Plan.OwnCash[0]"] = $"{own}",
            ["Plan.Grant[4]"] = $"{grant / 5}",
        };
        if (firstTranche is { } first)
        {
            form["Plan.Installment[0]"] = $"{first}";
            form["Plan.Condition[0]"] = "AgreementSigned";
            form["Plan.Installment[1]"] = $"{grant - first}";
            form["Plan.Condition[1]"] = "InterimReportAccepted";
            form["Plan.Obligations"] = StartTasks.DefaultObligations;
        }
        return form;
    }
}
