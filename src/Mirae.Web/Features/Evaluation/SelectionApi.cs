using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Evaluation;

/// <summary>
/// The selection calculator: a pure function of what it is sent, open to anyone (rate-limited and size-limited), so
/// that every published selection can be re-run by whoever doubts it.
/// </summary>
public static class SelectionApi
{
    public const int MaxBodyBytes = 256 * 1024;

    public sealed record LimitInput(string? Category, int? Min, int? Max);
    public sealed record ItemInput(string? Id, decimal? Score, long? Amount, string? Category);
    public sealed record SolveRequest(long? Budget, decimal? MinScore, int? MaxAwards, IReadOnlyList<LimitInput>? CategoryLimits, IReadOnlyList<ItemInput>? Items);

    public sealed record GreedyOutput(IReadOnlyList<string> Selected, decimal TotalScore, long TotalAmount, bool MeetsCategoryMinimums);
    public sealed record ProofOutput(string Method, long BudgetUnit, long States);
    public sealed record SolveResponse(IReadOnlyList<string> Selected, decimal TotalScore, long TotalAmount, bool Optimal, GreedyOutput Greedy,
        IReadOnlyDictionary<string, string> Explanations, IReadOnlyDictionary<string, Verdict> Verdicts, ProofOutput Proof);

    public static IEndpointRouteBuilder MapSelectionApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/selection/solve", SolveAsync).WithTags("Selection").WithName("SolveSelection").AllowAnonymous()
            .RequireRateLimiting(RateLimiting.Calculator).WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .Accepts<SolveRequest>("application/json").Produces<SolveResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        app.MapGet("/api/v1/calls/{id:int}/selection", GetConfirmedAsync).WithTags("Selection").WithName("GetConfirmedSelection").AllowAnonymous();
        return app;
    }

    public sealed record ConfirmedSelection(int CallId, DateTimeOffset ConfirmedAt, SolveRequest Inputs, IReadOnlyList<string> Selected, string Url);

    /// <summary>
    /// A call's confirmed selection: the inputs exactly as the committee ran them, in the request shape of
    /// <c>POST /api/v1/selection/solve</c> (ids are receipt numbers), and what was selected.
    /// </summary>
    private static async Task<Results<Ok<ConfirmedSelection>, NotFound>> GetConfirmedAsync(SelectUnderBudget select, PublicSite site, int id,
        CancellationToken cancellationToken)
    {
        if (await select.ResultsAsync(id, cancellationToken) is not { } results)
        {
            return TypedResults.NotFound();
        }
        var p = results.Problem;
        var inputs = new SolveRequest(p.Budget, p.MinScore, p.MaxAwards, p.CategoryLimits.Select(l => new LimitInput(l.Category, l.Min, l.Max)).ToList(),
            p.Items.Select(i => new ItemInput(i.Id, i.Score, i.Amount, i.Category)).ToList());
        return TypedResults.Ok(new ConfirmedSelection(id, results.ConfirmedAt.ToKst(), inputs, results.Rows.Where(r => r.Selected).Select(r => r.ReceiptNumber)
            .Order(StringComparer.Ordinal).ToList(), site.Link($"/calls/{id}/results")));
    }

    /// <summary>
    /// The selection that maximizes the total score within the budget, the minimum score, the award limit and the
    /// category limits, with the ranking-order selection beside it and an explanation for every item. Amounts are
    /// whole won; scores count to the hundredth. A 422 names the constraint that cannot be met.
    /// </summary>
    private static async Task<Results<Ok<SolveResponse>, ValidationProblem, ProblemHttpResult>> SolveAsync(HttpRequest http, IStringLocalizer<SharedResource> text,
        CancellationToken cancellationToken)
    {
        // Read by hand so that a declared size over the limit is refused before a byte is parsed (Kestrel also caps chunked bodies).
        if (http.ContentLength > MaxBodyBytes)
        {
            throw new BadHttpRequestException("body too large", StatusCodes.Status413PayloadTooLarge);
        }
        SolveRequest? request;
        try
        {
            request = await http.ReadFromJsonAsync<SolveRequest>(cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["body"] = ["the body is not valid JSON for this request"] });
        }
        catch (InvalidOperationException)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["body"] = ["send the request as application/json"] });
        }
        if (request is null)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["body"] = ["a JSON object is required"] });
        }
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        var problem = new SelectionProblem(request.Budget!.Value, request.MinScore ?? 0, request.MaxAwards,
            (request.CategoryLimits ?? []).Select(l => new CategoryLimit(l.Category!.Trim(), l.Min, l.Max)).ToList(),
            request.Items!.Select(i => new SelectionItem(i.Id!.Trim(), i.Score!.Value, i.Amount!.Value, string.IsNullOrWhiteSpace(i.Category) ? null : i.Category.Trim())).ToList());
        var outcome = SelectionSolver.Solve(problem);
        if (outcome.Infeasible is { } why)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: text["Selection.InfeasibleTitle"],
                detail: SelectionText.Infeasible(text, why), extensions: new Dictionary<string, object?>
                {
                    ["code"] = why.Constraint == InfeasibleConstraint.TooLarge ? "selection_too_large" : "selection_infeasible",
                    ["constraint"] = SelectionText.ConstraintName(why.Constraint),
                    ["category"] = why.Category,
                    ["needed"] = why.Needed,
                    ["available"] = why.Available,
                });
        }
        var result = outcome.Result!;
        var items = problem.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        return TypedResults.Ok(new SolveResponse(result.Selected, result.TotalScore, result.TotalAmount, Optimal: true,
            new GreedyOutput(result.Greedy.Selected, result.Greedy.TotalScore, result.Greedy.TotalAmount, result.Greedy.MeetsCategoryMinimums),
            result.Explanations.ToDictionary(e => e.Key, e => SelectionText.Explain(text, problem, items[e.Key], e.Value)),
            result.Explanations.ToDictionary(e => e.Key, e => e.Value.Verdict),
            new ProofOutput("dynamic-programming", result.BudgetUnit, result.States)));
    }

    private static Dictionary<string, string[]> Validate(SolveRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors.TryAdd(field, [message]);
            }
        }
        Check(request.Budget is > 0 and <= (long)Calls.Call.MaxAmount, "budget", "budget must be a whole number of won between 1 and 10^14");
        Check(request.MinScore is null or (>= 0 and <= SelectionSolver.MaxScore), "minScore", "minScore must be between 0 and 1000");
        Check(request.MaxAwards is null or (>= 1 and <= SelectionSolver.MaxItems), "maxAwards", "maxAwards must be null or between 1 and 1000");
        var items = request.Items ?? [];
        Check(items.Count is >= 1 and <= SelectionSolver.MaxItems, "items", "items must hold between 1 and 1000 entries");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            Check(!string.IsNullOrWhiteSpace(item?.Id) && item.Id.Trim().Length <= 64, $"items[{i}].id", "id is required (at most 64 characters)");
            Check(item?.Score is >= 0 and <= SelectionSolver.MaxScore && decimal.Round(item.Score.Value, 2) == item.Score, $"items[{i}].score",
                "score must be between 0 and 1000 with at most two decimals");
            Check(item?.Amount is > 0 and <= (long)Calls.Call.MaxAmount, $"items[{i}].amount", "amount must be a whole number of won between 1 and 10^14");
            Check(item?.Category is null || item.Category.Trim().Length <= 100, $"items[{i}].category", "category is at most 100 characters");
        }
        var ids = items.Where(i => !string.IsNullOrWhiteSpace(i?.Id)).GroupBy(i => i.Id!.Trim(), StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Check(ids.Count == 0, "items", $"ids must be unique; repeated: {string.Join(", ", ids.Take(5))}");
        var limits = request.CategoryLimits ?? [];
        Check(limits.Count <= 100, "categoryLimits", "at most 100 category limits");
        for (var i = 0; i < limits.Count; i++)
        {
            var limit = limits[i];
            Check(!string.IsNullOrWhiteSpace(limit?.Category), $"categoryLimits[{i}].category", "category is required");
            Check(limit is not null && (limit.Min is not null || limit.Max is not null) && limit.Min is null or >= 0 && limit.Max is null or >= 0
                && (limit.Min is null || limit.Max is null || limit.Min <= limit.Max), $"categoryLimits[{i}]", "give min and/or max, both at least 0, min not above max");
        }
        var repeated = limits.Where(l => !string.IsNullOrWhiteSpace(l?.Category)).GroupBy(l => l.Category!.Trim(), StringComparer.Ordinal).Any(g => g.Count() > 1);
        Check(!repeated, "categoryLimits", "each category may have one limit");
        return errors;
    }
}
