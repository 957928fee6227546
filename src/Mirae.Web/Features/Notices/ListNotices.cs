using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Notices;

/// <summary>Notices newest first, titles in the reader's language.</summary>
public sealed class ListNotices(AppDbContext db)
{
    public sealed record Row(int Id, NoticeCategory Category, string Title, DateTimeOffset PublishedAt);

    public async Task<PagedList<Row>> HandleAsync(int page, int pageSize, bool english, CancellationToken cancellationToken = default)
    {
        var total = await db.Notices.CountAsync(cancellationToken);
        var items = await db.Notices.AsNoTracking()
            .OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(n => new Row(n.Id, n.Category, english ? n.TitleEn : n.TitleKo, n.PublishedAt))
            .ToListAsync(cancellationToken);
        return new PagedList<Row>(items, total, page, pageSize);
    }
}

/// <summary>One notice in the reader's language, or null.</summary>
public sealed class GetNotice(AppDbContext db)
{
    public sealed record Details(int Id, NoticeCategory Category, string Title, string Body, DateTimeOffset PublishedAt);

    public Task<Details?> HandleAsync(int id, bool english, CancellationToken cancellationToken = default) =>
        db.Notices.AsNoTracking().Where(n => n.Id == id)
            .Select(n => new Details(n.Id, n.Category, english ? n.TitleEn : n.TitleKo, english ? n.BodyEn : n.BodyKo, n.PublishedAt))
            .SingleOrDefaultAsync(cancellationToken);
}
