namespace Mirae.Web.Infrastructure;

/// <summary>One page of a list; <see cref="Page"/> is 1-based.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public static class Paging
{
    public const int MaxPageSize = 100;

    /// <summary>A page number of at least 1, and never so large that skipping to it overflows (such a page is simply empty).</summary>
    public static (int Page, int PageSize) Clamp(int? page, int? pageSize, int defaultPageSize = 20)
    {
        var size = Math.Clamp(pageSize ?? defaultPageSize, 1, MaxPageSize);
        return (Math.Clamp(page ?? 1, 1, int.MaxValue / size), size);
    }
}

/// <summary>What the shared pager partial needs: where we are and how to link to another page.</summary>
public sealed record PagerModel(int Page, int PageCount, Func<int, string> UrlFor);
