using Mirae.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>Needs and their matches for other systems: public needs for anyone, invited-only ones for those invited.</summary>
public static class NeedsApi
{
    public sealed record NeedItem(int Id, string Title, string Buyer, string MaterialCode, string MaterialKo, string MaterialEn, string Visibility, string Status,
        DateOnly? NeededBy, string Url);
    public sealed record NeedPage(int Total, IReadOnlyList<NeedItem> Items);
    public sealed record ReasonItem(string Kind, string Detail, bool? Met);
    public sealed record MatchItem(int ProductId, string ProductCode, string BusinessNumber, int Score, IReadOnlyList<ReasonItem> Reasons);

    public static IEndpointRouteBuilder MapNeedsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/needs").WithTags("Needs").AllowAnonymous();
        group.MapGet("", ListAsync).WithName("ListNeeds");
        group.MapGet("/{id:int}/matches", MatchesAsync).WithName("MatchNeed");
        return app;
    }

    /// <summary>Needs the caller may see (public ones for anyone), open first, newest first.</summary>
    private static async Task<Results<Ok<NeedPage>, ValidationProblem>> ListAsync(ListNeeds needs, PublicSite site, HttpContext http, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (page is < 1 || pageSize is < 1 or > Paging.MaxPageSize)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["page"] = [$"page must be at least 1 and pageSize between 1 and {Paging.MaxPageSize}"] });
        }
        var (p, size) = Paging.Clamp(page, pageSize);
        var (total, items) = await needs.ListAsync(http.User.ViewerId(), p, size, cancellationToken);
        return TypedResults.Ok(new NeedPage(total, items.Select(n => new NeedItem(n.Id, n.Title, n.BuyerKo, n.MaterialCode, n.MaterialKo, n.MaterialEn,
            n.Visibility.ToString().ToLowerInvariant(), n.Status.ToString().ToLowerInvariant(), n.NeededBy,
            site.Link($"/needs/{n.Id}"))).ToList()));
    }

    /// <summary>
    /// The products matching a need, best first, each with its reasons (<c>met</c> null where the product does not say).
    /// Hard requirements are never violated. 404 for a need the caller may not see.
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<MatchItem>>, ValidationProblem, NotFound>> MatchesAsync(MatchNeeds matching, HttpContext http, int id, int? limit,
        CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MatchNeeds.MaxLimit)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {MatchNeeds.MaxLimit}"] });
        }
        var matches = await matching.VisibleAsync(id, http.User.ViewerId(), limit ?? MatchNeeds.DefaultLimit, cancellationToken);
        return matches is null
            ? TypedResults.NotFound()
            : TypedResults.Ok<IReadOnlyList<MatchItem>>(matches.Select(m => new MatchItem(m.Product.ProductId, m.Product.ProductCode, m.Product.BusinessNumber, m.Score,
                m.Reasons.Select(r => new ReasonItem(r.Kind, r.Detail, r.Met)).ToList())).ToList());
    }
}
