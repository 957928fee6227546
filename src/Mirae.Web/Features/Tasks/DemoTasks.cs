using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Evaluation;

namespace Mirae.Web.Features.Tasks;

/// <summary>
/// The demo's selected applications become funded tasks in several states: the first agreed, running and paid its first
/// tranche, with a principal investigator; the second with its agreement issued and waiting; the rest being planned.
/// </summary>
public static class DemoTasks
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider clock)
    {
        if (await db.FundedTasks.AnyAsync())
        {
            return;
        }
        var now = clock.GetUtcNow();
        foreach (var decision in await db.SelectionDecisions.AsNoTracking().OrderBy(d => d.Id).ToListAsync())
        {
            await StartTasks.AddAsync(db, decision.CallId, decision.Problem.Items.ToDictionary(i => i.Id, i => i.Amount, StringComparer.Ordinal),
                decision.ConfirmedAt, default);
        }
        await db.SaveChangesAsync();
        var tasks = await db.FundedTasks.Include(t => t.Installments).Include(t => t.Agreements).OrderBy(t => t.Number).ToListAsync();
        if (tasks.Count == 0)
        {
            return;
        }
        var member = await db.Memberships.Where(m => m.OrganizationId == tasks[0].OrganizationId).Select(m => m.UserId).FirstOrDefaultAsync();
        foreach (var (task, i) in tasks.Select((t, i) => (t, i)).Take(2))
        {
            // A plan within the call's ratios: 70 % of the grant on personnel, the rest on materials and activities; own share 30 % cash.
            var personnel = task.Grant * 7 / 10;
            var materials = task.Grant / 5;
            var activities = task.Grant - personnel - materials;
            var own = task.Grant * 3 / 7 + 1;
            task.Plan(task.StartsOn, task.EndsOn,
                [new BudgetLine(ExpenseCategory.Personnel, personnel, own, 0), new BudgetLine(ExpenseCategory.Materials, materials, 0, 0),
                    new BudgetLine(ExpenseCategory.Activities, activities, 0, 0)],
                [(task.Grant * 6 / 10, InstallmentCondition.AgreementSigned), (task.Grant - task.Grant * 6 / 10, InstallmentCondition.InterimReportAccepted)],
                StartTasks.DefaultObligations, now.AddDays(-20));
            task.Issue(Guid.Empty, now.AddDays(-15));
            if (i == 0)
            {
                task.Accept(1, member, now.AddDays(-12));
                task.Pay(1, Guid.Empty, now.AddDays(-10));
                db.TaskResearchers.Add(new TaskResearcher(task.Id, "11000001", "김연구", ResearcherRole.PrincipalInvestigator, task.StartsOn, task.EndsOn, 40));
                db.TaskResearchers.Add(new TaskResearcher(task.Id, "11000002", "이참여", ResearcherRole.Participant, task.StartsOn, task.EndsOn, 30));
            }
        }
        await db.SaveChangesAsync();
    }
}
