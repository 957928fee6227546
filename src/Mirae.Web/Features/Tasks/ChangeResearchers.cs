using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Tasks;

/// <summary>
/// Adds or removes a researcher of a task before its agreement. The 3책5공 rule is checked against every unfinished task
/// in Mirae under a lock on the researcher's number, so twenty additions at once cannot together break it.
/// </summary>
public sealed class ChangeResearchers(AppDbContext db, AuditLog audit)
{
    public sealed record Input(string ResearcherNumber, string Name, ResearcherRole Role, DateOnly FromMonth, DateOnly ToMonth, int RatePercent,
        string? AffiliationNumber = null);

    public async Task<int> AddAsync(int taskId, Input input, CancellationToken cancellationToken)
    {
        await using var transaction = await db.LockAsync($"researcher:{input.ResearcherNumber.Trim()}", cancellationToken);
        var task = await db.FundedTasks.SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) ?? throw new NotFoundException("task");
        if (task.Status != FundedTaskStatus.AwaitingAgreement)
        {
            throw new DomainException("task.plan-agreed", "Task.PlanAgreed");
        }
        var researcher = await CheckedAsync(db, task, input, cancellationToken);
        db.TaskResearchers.Add(researcher);
        // The name is personal data: the audit trail names the researcher by number only.
        audit.Add(AuditActions.TaskResearcherChanged, $"task:{task.Number}",
            $"added {researcher.ResearcherNumber} {input.Role} {researcher.FromMonth:yyyy-MM}..{researcher.ToMonth:yyyy-MM} {input.RatePercent}%");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return researcher.Id;
    }

    /// <summary>
    /// The researcher <paramref name="input"/> describes, checked against the task (period, no one twice, one principal
    /// investigator) and against 3책5공 across every unfinished task; not added. The caller holds the lock
    /// <c>researcher:{number}</c>.
    /// </summary>
    internal static async Task<TaskResearcher> CheckedAsync(AppDbContext db, FundedTask task, Input input, CancellationToken cancellationToken)
    {
        var number = input.ResearcherNumber.Trim();
        if (!TaskRules.IsResearcherNumber(number))
        {
            throw new DomainException("researcher.number-invalid", "Researcher.NumberInvalid", ProblemKind.Invalid, "ResearcherNumber");
        }
        if (input.Name.Trim().Length is 0 or > 50)
        {
            throw new DomainException("researcher.name-invalid", "Researcher.NameInvalid", ProblemKind.Invalid, "Name");
        }
        string? affiliation = null;
        if (input.AffiliationNumber is { Length: > 0 } given)
        {
            affiliation = Accounts.BusinessNumber.TryParse(given, out var parsed) ? parsed.Value.Digits
                : throw new DomainException("researcher.affiliation-invalid", "Researcher.AffiliationInvalid", ProblemKind.Invalid, "AffiliationNumber");
        }
        var from = new DateOnly(input.FromMonth.Year, input.FromMonth.Month, 1);
        var to = new DateOnly(input.ToMonth.Year, input.ToMonth.Month, 1);
        if (from < new DateOnly(task.StartsOn.Year, task.StartsOn.Month, 1) || to > new DateOnly(task.EndsOn.Year, task.EndsOn.Month, 1))
        {
            throw new DomainException("researcher.outside-period", "Researcher.OutsidePeriod", ProblemKind.Invalid, "FromMonth");
        }
        if (await db.TaskResearchers.AnyAsync(r => r.TaskId == task.Id && r.ResearcherNumber == number, cancellationToken))
        {
            throw new DomainException("researcher.already-on-task", "Researcher.AlreadyOnTask", ProblemKind.Conflict, "ResearcherNumber");
        }
        if (input.Role == ResearcherRole.PrincipalInvestigator
            && await db.TaskResearchers.AnyAsync(r => r.TaskId == task.Id && r.Role == ResearcherRole.PrincipalInvestigator, cancellationToken))
        {
            throw new DomainException("researcher.second-pi", "Researcher.SecondPi", ProblemKind.Conflict, "Role");
        }
        var others = await (from r in db.TaskResearchers
                            join t in db.FundedTasks on r.TaskId equals t.Id
                            where r.ResearcherNumber == number && t.Status != FundedTaskStatus.Settled
                            select new TaskRules.Participation(t.Number, r.Role, r.FromMonth, r.ToMonth, r.RatePercent)).ToListAsync(cancellationToken);
        if (TaskRules.CheckResearcher(new TaskRules.Participation(task.Number, input.Role, from, to, input.RatePercent), others) is { } problem)
        {
            throw new DomainException(problem.Code, problem.MessageKey, ProblemKind.Conflict, problem.Field, problem.Arguments);
        }
        return new TaskResearcher(task.Id, number, input.Name, input.Role, from, to, input.RatePercent, affiliation);
    }

    public async Task RemoveAsync(int taskId, int researcherId, CancellationToken cancellationToken)
    {
        var task = await db.FundedTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) ?? throw new NotFoundException("task");
        if (task.Status != FundedTaskStatus.AwaitingAgreement)
        {
            throw new DomainException("task.plan-agreed", "Task.PlanAgreed");
        }
        var researcher = await db.TaskResearchers.SingleOrDefaultAsync(r => r.Id == researcherId && r.TaskId == taskId, cancellationToken)
            ?? throw new NotFoundException("researcher");
        db.TaskResearchers.Remove(researcher);
        audit.Add(AuditActions.TaskResearcherChanged, $"task:{task.Number}", $"removed {researcher.ResearcherNumber}");
        await db.SaveChangesAsync(cancellationToken);
    }
}
