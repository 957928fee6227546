namespace Mirae.Web.Features.Tasks;

/// <summary>
/// A task's settlement (정산), computed exactly in won from the agreed plan, the expenses with what staff disallowed, and
/// the grant paid: per category the plan, what was executed, disallowed, spent beyond the plan, and recognised
/// (executed − disallowed, at most the plan); the grant's part of what is recognised is the category's grant share of it
/// (rounded down to the won); what is paid and not recognised is returned.
/// </summary>
public static class Settlement
{
    public sealed record Line(ExpenseCategory Category, long Planned, long PlannedGrant, long Executed, long Disallowed, long OverPlan, long Recognised,
        long RecognisedGrant);

    public sealed record Result(IReadOnlyList<Line> Lines, long Paid)
    {
        public long Planned => Lines.Sum(l => l.Planned);
        public long Executed => Lines.Sum(l => l.Executed);
        public long Disallowed => Lines.Sum(l => l.Disallowed);
        public long OverPlan => Lines.Sum(l => l.OverPlan);
        public long Recognised => Lines.Sum(l => l.Recognised);
        public long RecognisedGrant => Lines.Sum(l => l.RecognisedGrant);
        /// <summary>The grant to return: paid and not recognised (the unspent and the disallowed grant).</summary>
        public long ToReturn => Math.Max(0, Paid - RecognisedGrant);
    }

    public sealed record Spent(ExpenseCategory Category, long Amount, long Disallowed);

    public static Result Compute(IReadOnlyList<BudgetLine> plan, IReadOnlyList<Spent> expenses, long paid)
    {
        var lines = new List<Line>();
        foreach (var category in plan.Select(b => b.Category).Union(expenses.Select(e => e.Category)).Order())
        {
            var planned = plan.Where(b => b.Category == category).Sum(b => b.Total);
            var plannedGrant = plan.Where(b => b.Category == category).Sum(b => b.Grant);
            var executed = expenses.Where(e => e.Category == category).Sum(e => e.Amount);
            var disallowed = expenses.Where(e => e.Category == category).Sum(e => e.Disallowed);
            var recognised = Math.Min(planned, executed - disallowed);
            var recognisedGrant = planned == 0 ? 0 : (long)((Int128)recognised * plannedGrant / planned);
            lines.Add(new Line(category, planned, plannedGrant, executed, disallowed, executed - disallowed - recognised, recognised, recognisedGrant));
        }
        return new Result(lines, paid);
    }
}
