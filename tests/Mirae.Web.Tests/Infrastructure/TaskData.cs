using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Features.Tasks;

namespace Mirae.Web.Tests.Infrastructure;

/// <summary>Test data for funded tasks: a selected application of a new call and the task its selection starts (the use case the confirmation calls).</summary>
public static class TaskData
{
    public static async Task<int> SelectedTaskAsync(MiraeFactory factory, int organizationId, long grant)
    {
        var callId = await ProgramData.AddCallAsync(factory, "뮤뮤 과제 공모");
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
