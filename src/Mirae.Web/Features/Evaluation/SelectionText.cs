using System.Globalization;
using Microsoft.Extensions.Localization;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Evaluation;

/// <summary>The solver's explanations and infeasibilities as sentences, in the reader's language.</summary>
public static class SelectionText
{
    public static string Explain(IStringLocalizer text, SelectionProblem problem, SelectionItem item, Explanation why)
    {
        var sentence = why.Verdict switch
        {
            Verdict.Selected => text["Selection.Selected"].Value,
            Verdict.BelowMinScore => text["Selection.BelowMinScore", Score(problem.MinScore), Score(item.Score)].Value,
            Verdict.ExceedsBudget => text["Selection.ExceedsBudget", Money.Won(why.Shortfall ?? 0)].Value,
            Verdict.CategoryLimit => text["Selection.CategoryLimit", item.Category ?? "", why.Limit ?? 0].Value,
            Verdict.AwardLimit => text["Selection.AwardLimit", why.Limit ?? 0].Value,
            Verdict.Budget => text["Selection.Budget", Money.Won(why.Shortfall ?? 0)].Value,
            _ => text["Selection.NoGain"].Value,
        };
        return why.Displaces is { } displaced
            ? sentence + " " + text["Selection.Displacing", displaced, Score(-(why.ScoreChange ?? 0))].Value
            : sentence;
    }

    public static string Infeasible(IStringLocalizer text, Infeasibility why) => why.Constraint switch
    {
        InfeasibleConstraint.CategoryMin => text["Selection.Infeasible.CategoryMin", why.Category ?? "", why.Needed, why.Available].Value,
        InfeasibleConstraint.MaxAwards => text["Selection.Infeasible.MaxAwards", why.Needed, why.Available].Value,
        InfeasibleConstraint.Budget => text["Selection.Infeasible.Budget", Money.Won(why.Needed), Money.Won(why.Available)].Value,
        _ => text["Selection.TooLarge", why.Needed.ToString("N0", CultureInfo.InvariantCulture), why.Available.ToString("N0", CultureInfo.InvariantCulture)].Value,
    };

    /// <summary>The JSON name of the constraint that cannot be met, as API clients match on it.</summary>
    public static string ConstraintName(InfeasibleConstraint constraint) => constraint switch
    {
        InfeasibleConstraint.CategoryMin => "categoryLimits",
        InfeasibleConstraint.MaxAwards => "maxAwards",
        InfeasibleConstraint.Budget => "budget",
        _ => "size",
    };

    public static string Score(decimal score) => score.ToString("0.00", CultureInfo.InvariantCulture);
}
