using Microsoft.AspNetCore.Http.HttpResults;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Notices;

public static class NoticesApi
{
    public sealed record NoticeItem(int Id, string Category, string Title, string PublishedAt);
    public sealed record NoticePage(int Total, IReadOnlyList<NoticeItem> Items);
    public sealed record NoticeDetails(int Id, string Category, string Title, string Body, string PublishedAt);

    public static IEndpointRouteBuilder MapNoticesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notices").WithTags("Notices").AllowAnonymous();
        group.MapGet("/", ListAsync).WithName("ListNotices");
        group.MapGet("/{id:int}", GetAsync).WithName("GetNotice");
        return app;
    }

    private static async Task<Results<Ok<NoticePage>, ValidationProblem>> ListAsync(ListNotices list, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (page < 1 || pageSize is < 1 or > Paging.MaxPageSize)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]>
            {
                ["page"] = [$"page must be at least 1; pageSize between 1 and {Paging.MaxPageSize}"],
            });
        }
        var (p, size) = Paging.Clamp(page, pageSize);
        var result = await list.HandleAsync(p, size, English, cancellationToken);
        return TypedResults.Ok(new NoticePage(result.Total,
            result.Items.Select(n => new NoticeItem(n.Id, n.Category.ToString(), n.Title, Kst.DateTimeIso(n.PublishedAt))).ToList()));
    }

    private static async Task<Results<Ok<NoticeDetails>, NotFound>> GetAsync(GetNotice get, int id, CancellationToken cancellationToken)
    {
        var notice = await get.HandleAsync(id, English, cancellationToken: cancellationToken) ?? throw new NotFoundException("notice");
        return TypedResults.Ok(new NoticeDetails(notice.Id, notice.Category.ToString(), notice.Title, notice.Body, Kst.DateTimeIso(notice.PublishedAt)));
    }

    private static bool English => Language.IsEnglish;
}
