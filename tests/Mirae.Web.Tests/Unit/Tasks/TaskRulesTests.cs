using Mirae.Web.Features.Calls;
using Mirae.Web.Features.Tasks;

namespace Mirae.Web.Tests.Unit.Tasks;

/// <summary>The plan's ratios at their edges, 3책5공 at its edges, and totals that are the sums of their lines.</summary>
public sealed class TaskRulesTests
{
    private static readonly DateOnly Start = new(2027, 1, 1);

    private static FundedTask Task(long grant) =>
        FundedTask.Create("2026-001-T01", 1, 1, 1, "과제", grant, FundingRules.Default, "", Start, DateTimeOffset.UnixEpoch);

    private static IReadOnlyList<string> Codes(long grant, params BudgetLine[] budget) =>
        [.. TaskRules.CheckPlan(Task(grant), Start, Start.AddYears(1).AddDays(-1), budget, [(grant, InstallmentCondition.AgreementSigned)], "").Select(p => p.Code)];

    [Fact]
    public void OwnShare_AtLeast25PercentOfTheTotal_ToTheWon()
    {
        // grant 75, own 25: exactly 25 % of 100.
        Assert.Empty(Codes(75, new BudgetLine(ExpenseCategory.Personnel, 75, 25, 0)));
        Assert.Contains("task.own-share-low", Codes(75_000_001, new BudgetLine(ExpenseCategory.Personnel, 75_000_001, 25_000_000, 0)));
    }

    [Fact]
    public void Cash_AtLeast10PercentOfTheOwnShare()
    {
        Assert.Empty(Codes(300, new BudgetLine(ExpenseCategory.Personnel, 300, 10, 90)));
        Assert.Contains("task.own-cash-low", Codes(300, new BudgetLine(ExpenseCategory.Personnel, 300, 9, 91)));
    }

    [Fact]
    public void Indirect_AtMost10PercentOfDirect_AndAllowance_AtMost20PercentOfPersonnel()
    {
        Assert.Empty(Codes(1_000, new BudgetLine(ExpenseCategory.Personnel, 900, 400, 0), new BudgetLine(ExpenseCategory.Indirect, 100, 30, 0)));
        Assert.Contains("task.indirect-high", Codes(1_000, new BudgetLine(ExpenseCategory.Personnel, 899, 400, 0), new BudgetLine(ExpenseCategory.Indirect, 101, 30, 0)));
        Assert.Empty(Codes(1_200, new BudgetLine(ExpenseCategory.Personnel, 1_000, 400, 0), new BudgetLine(ExpenseCategory.Allowance, 200, 80, 0)));
        Assert.Contains("task.allowance-high", Codes(1_200, new BudgetLine(ExpenseCategory.Personnel, 999, 400, 0), new BudgetLine(ExpenseCategory.Allowance, 201, 80, 0)));
    }

    [Fact]
    public void NegativeAmounts_RepeatedCategories_AndAGrantThatDoesNotAddUp_AreRefusedOnTheirField()
    {
        var negative = TaskRules.CheckPlan(Task(100), Start, Start.AddYears(1), [new BudgetLine(ExpenseCategory.Materials, -1, 50, 0)], [(100, InstallmentCondition.AgreementSigned)], "");
        Assert.Equal("Budget.Materials", Assert.Single(negative).Field);
        Assert.Contains("task.category-twice", Codes(100, new BudgetLine(ExpenseCategory.Personnel, 50, 20, 0), new BudgetLine(ExpenseCategory.Personnel, 50, 20, 0)));
        Assert.Contains("task.grant-mismatch", Codes(100, new BudgetLine(ExpenseCategory.Personnel, 99, 40, 0)));
        Assert.Contains("task.period-invalid", TaskRules.CheckPlan(Task(100), Start, Start.AddDays(-1), [new BudgetLine(ExpenseCategory.Personnel, 100, 40, 0)],
            [(100, InstallmentCondition.AgreementSigned)], "").Select(p => p.Code));
        Assert.Contains("task.installments-invalid", TaskRules.CheckPlan(Task(100), Start, Start.AddYears(1), [new BudgetLine(ExpenseCategory.Personnel, 100, 40, 0)],
            [(60, InstallmentCondition.AgreementSigned), (39, InstallmentCondition.InterimReportAccepted)], "").Select(p => p.Code));
    }

    private static TaskRules.Participation On(string task, ResearcherRole role, int rate = 10) => new(task, role, Start, Start.AddMonths(11), rate);

    [Fact]
    public void ThreeLed_FiveInAll_100PercentInAMonth_AndTheMessageNamesTheTasks()
    {
        var led = new[] { On("T1", ResearcherRole.PrincipalInvestigator), On("T2", ResearcherRole.PrincipalInvestigator) };
        Assert.Null(TaskRules.CheckResearcher(On("T3", ResearcherRole.PrincipalInvestigator), led));
        var fourth = TaskRules.CheckResearcher(On("T4", ResearcherRole.PrincipalInvestigator), [.. led, On("T3", ResearcherRole.PrincipalInvestigator)]);
        Assert.Equal("researcher.too-many-led", fourth?.Code);
        Assert.Equal("T1, T2, T3", fourth!.Arguments[2]);
        var four = Enumerable.Range(1, 4).Select(i => On($"T{i}", ResearcherRole.Participant)).ToList();
        Assert.Null(TaskRules.CheckResearcher(On("T5", ResearcherRole.Participant), four));
        Assert.Equal("researcher.too-many-tasks", TaskRules.CheckResearcher(On("T6", ResearcherRole.Participant), [.. four, On("T5", ResearcherRole.Participant)])?.Code);
        Assert.Null(TaskRules.CheckResearcher(On("T2", ResearcherRole.Participant, 40), [On("T1", ResearcherRole.Participant, 60)]));
        Assert.Equal("researcher.over-100", TaskRules.CheckResearcher(On("T2", ResearcherRole.Participant, 41), [On("T1", ResearcherRole.Participant, 60)])?.Code);
        // Tasks in other months do not count: the rule is "at once".
        var later = new TaskRules.Participation("T9", ResearcherRole.Participant, Start.AddYears(2), Start.AddYears(3), 100);
        Assert.Null(TaskRules.CheckResearcher(On("T2", ResearcherRole.Participant, 100), [later]));
    }

    [Fact]
    public void EveryTotal_IsTheSumOfItsLines_OverRandomPlans()
    {
        var random = new Random(20261204);
        for (var trial = 0; trial < 1_000; trial++)
        {
            var lines = Enum.GetValues<ExpenseCategory>().Where(_ => random.Next(2) == 0)
                .Select(c => new BudgetLine(c, random.NextInt64(0, 10_000_000_000), random.NextInt64(0, 5_000_000_000), random.NextInt64(0, 5_000_000_000))).ToList();
            var grant = lines.Sum(l => l.Grant);
            var task = Task(grant);
            var first = grant / 3;
            var problems = TaskRules.CheckPlan(task, Start, Start.AddYears(1), lines, [(first, InstallmentCondition.AgreementSigned), (grant - first, InstallmentCondition.InterimReportAccepted)], "");
            Assert.Equal(lines.Sum(l => l.Total), lines.Sum(l => l.Grant) + lines.Sum(l => l.OwnCash) + lines.Sum(l => l.OwnInKind));
            Assert.DoesNotContain(problems, p => p.Code == "task.grant-mismatch");
            if (!problems.Any() && grant > 0)
            {
                task.Plan(Start, Start.AddYears(1), lines, [(first, InstallmentCondition.AgreementSigned), (grant - first, InstallmentCondition.InterimReportAccepted)], "", DateTimeOffset.UnixEpoch);
                Assert.Equal(grant, task.Installments.Sum(i => i.Amount));
                Assert.Equal(grant, task.Budget.Sum(b => b.Grant));
            }
        }
    }

    [Fact]
    public void Settlement_TotalsAreTheSumsOfTheirLines_AndNothingIsRecognisedBeyondThePlan_OverRandomTasks()
    {
        var random = new Random(4_12_2026);
        for (var trial = 0; trial < 2_000; trial++)
        {
            var plan = Enum.GetValues<ExpenseCategory>().Where(_ => random.Next(3) > 0)
                .Select(c => new BudgetLine(c, random.NextInt64(0, 2_000_000_000), random.NextInt64(0, 800_000_000), random.NextInt64(0, 200_000_000))).ToList();
            var expenses = Enumerable.Range(0, random.Next(0, 60)).Select(_ =>
            {
                var amount = random.NextInt64(1, 300_000_000);
                return new Settlement.Spent(Enum.GetValues<ExpenseCategory>()[random.Next(8)], amount, random.Next(4) == 0 ? random.NextInt64(0, amount + 1) : 0);
            }).ToList();
            var paid = random.NextInt64(0, plan.Sum(b => b.Grant) + 1);
            var result = Settlement.Compute(plan, expenses, paid);

            Assert.Equal(expenses.Sum(e => e.Amount), result.Executed);
            Assert.Equal(expenses.Sum(e => e.Disallowed), result.Disallowed);
            Assert.Equal(plan.Sum(b => b.Total), result.Planned);
            Assert.Equal(result.Executed, result.Disallowed + result.OverPlan + result.Recognised);
            Assert.All(result.Lines, l => Assert.InRange(l.Recognised, 0, l.Planned));
            Assert.All(result.Lines, l => Assert.InRange(l.RecognisedGrant, 0, l.PlannedGrant));
            Assert.Equal(Math.Max(0, paid - result.Lines.Sum(l => l.RecognisedGrant)), result.ToReturn);
        }
    }

    [Fact]
    public void AChange_IsOnlyNotified_WhenEachCategoryMovesAtMost20Percent_AndNothingElseChanges()
    {
        var before = new AgreementTerms("T", "과제", Start, Start.AddYears(1), 100, FundingRules.Default,
            [new BudgetLine(ExpenseCategory.Personnel, 80, 40, 0), new BudgetLine(ExpenseCategory.Materials, 20, 0, 0)], [], "조건", "목표");
        AgreementTerms Moved(long personnel, long materials) => before with
        {
            Budget = [new BudgetLine(ExpenseCategory.Personnel, personnel, 40, 0), new BudgetLine(ExpenseCategory.Materials, materials, 0, 0)],
        };
        Assert.Equal(ChangeKind.Notification, ChangeRequest.KindOf(before, Moved(76, 24))); // 4 = 20 % of materials' 20
        Assert.Equal(ChangeKind.Approval, ChangeRequest.KindOf(before, Moved(75, 25))); // 5 > 20 % of 20
        Assert.Equal(ChangeKind.Approval, ChangeRequest.KindOf(before, before with { Goal = "새 목표" }));
        Assert.Equal(ChangeKind.Approval, ChangeRequest.KindOf(before, before with { EndsOn = Start.AddYears(1).AddMonths(1) }));
        Assert.Equal(ChangeKind.Approval, ChangeRequest.KindOf(before, before with // one won moved into a new category
        {
            Budget = [new BudgetLine(ExpenseCategory.Personnel, 79, 40, 0), new BudgetLine(ExpenseCategory.Materials, 20, 0, 0), new BudgetLine(ExpenseCategory.Equipment, 1, 0, 0)],
        }));
    }
}
