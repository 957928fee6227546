using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Calls;
using Mirae.Web.Features.Sourcing;

namespace Mirae.Web.Features.Tasks;

/// <summary>What a page or the API shows of funded tasks: a list (a member's own, or all for staff) and one task whole.</summary>
public sealed class ReadTasks(AppDbContext db)
{
    public sealed record Row(int Id, string Number, string TitleKo, string OrganizationKo, string? OrganizationEn, string BusinessNumber, int CallId,
        string CallTitleKo, string CallTitleEn, DateOnly StartsOn, DateOnly EndsOn, long Grant, long Paid, FundedTaskStatus Status);

    public sealed record AgreementRow(int Number, DateTimeOffset IssuedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? WithdrawnAt, AgreementTerms Terms);

    public sealed record ResearcherRow(int Id, string ResearcherNumber, string Name, ResearcherRole Role, DateOnly FromMonth, DateOnly ToMonth, int RatePercent);

    public sealed record InstallmentRow(int Sequence, long Amount, InstallmentCondition Condition, DateTimeOffset? PaidAt);

    public sealed record ChangeRow(int Id, ChangeKind Kind, ChangeRequestStatus Status, int BasedOnVersion, AgreementTerms Before, AgreementTerms After,
        string Reason, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt, string? DecisionReason, ResearcherChange? Researcher = null);

    public sealed record Details(Row Task, int Version, FundingRules Rules, IReadOnlyList<BudgetLine> Budget, string Obligations, DateTimeOffset? InterimAcceptedAt,
        IReadOnlyList<InstallmentRow> Installments, IReadOnlyList<AgreementRow> Agreements, IReadOnlyList<ResearcherRow> Researchers, int OrganizationId,
        IReadOnlyList<ChangeRow> Changes, string Goal = "")
    {
        public AgreementRow? Pending => Agreements.SingleOrDefault(a => a.AcceptedAt is null && a.WithdrawnAt is null);
        public AgreementRow? InForce => Agreements.Where(a => a.AcceptedAt is not null).MaxBy(a => a.Number);
    }

    /// <param name="memberId">The member whose organizations' tasks to list; null with <paramref name="all"/> for staff.</param>
    public async Task<IReadOnlyList<Row>> ListAsync(Guid? memberId, bool all, FundedTaskStatus? status, int? callId, CancellationToken cancellationToken)
    {
        var tasks = db.FundedTasks.AsNoTracking();
        if (!all)
        {
            var mine = db.ApprovedOrganizationIds(memberId ?? Guid.Empty);
            tasks = tasks.Where(t => mine.Contains(t.OrganizationId));
        }
        if (status is { } s)
        {
            tasks = tasks.Where(t => t.Status == s);
        }
        if (callId is { } c)
        {
            tasks = tasks.Where(t => t.CallId == c);
        }
        var rows = await Rows(tasks.OrderByDescending(t => t.Number).Take(500)).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.Number, StringComparer.Ordinal)];
    }

    public async Task<Details?> DetailsAsync(int id, CancellationToken cancellationToken)
    {
        var row = await Rows(db.FundedTasks.AsNoTracking().Where(t => t.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var task = await db.FundedTasks.AsNoTracking().Include(t => t.Installments).Include(t => t.Agreements).SingleAsync(t => t.Id == id, cancellationToken);
        var researchers = await db.TaskResearchers.AsNoTracking().Where(r => r.TaskId == id).OrderBy(r => r.Role).ThenBy(r => r.Id)
            .Select(r => new ResearcherRow(r.Id, r.ResearcherNumber, r.Name, r.Role, r.FromMonth, r.ToMonth, r.RatePercent)).ToListAsync(cancellationToken);
        var changes = await db.ChangeRequests.AsNoTracking().Where(r => r.TaskId == id).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        return new Details(row, task.Version, task.Rules, task.Budget, task.Obligations, task.InterimAcceptedAt,
            [.. task.Installments.OrderBy(i => i.Sequence).Select(i => new InstallmentRow(i.Sequence, i.Amount, i.Condition, i.PaidAt))],
            [.. task.Agreements.OrderByDescending(a => a.Number).Select(a => new AgreementRow(a.Number, a.IssuedAt, a.AcceptedAt, a.WithdrawnAt, a.Terms))],
            researchers, task.OrganizationId,
            [.. changes.Select(r => new ChangeRow(r.Id, r.Kind, r.Status, r.BasedOnVersion, r.Before, r.After, r.Reason, r.RequestedAt, r.DecidedAt, r.DecisionReason, r.Researcher))], task.Goal);
    }

    /// <summary>The organization a task belongs to (for authorization), or null when there is no such task.</summary>
    public Task<int?> OrganizationOfAsync(int id, CancellationToken cancellationToken) =>
        db.FundedTasks.Where(t => t.Id == id).Select(t => (int?)t.OrganizationId).SingleOrDefaultAsync(cancellationToken);

    private IQueryable<Row> Rows(IQueryable<FundedTask> tasks) =>
        from t in tasks
        join o in db.Organizations on t.OrganizationId equals o.Id
        join c in db.Calls on t.CallId equals c.Id
        select new Row(t.Id, t.Number, t.TitleKo, o.NameKo, o.NameEn, o.BusinessNumber, c.Id, c.TitleKo, c.TitleEn, t.StartsOn, t.EndsOn, t.Grant,
            t.Installments.Where(i => i.PaidAt != null).Sum(i => i.Amount), t.Status);
}
