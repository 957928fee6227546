using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Notices;

/// <summary>Published notices, pinned first, then newest first, titles in the reader's language (Korean where no English was written).</summary>
public sealed class ListNotices(AppDbContext db, TimeProvider clock)
{
    public sealed record Row(int Id, NoticeCategory Category, string Title, DateTimeOffset PublishedAt, bool Pinned = false, int Files = 0);

    public async Task<PagedList<Row>> HandleAsync(int page, int pageSize, bool english, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var published = db.Notices.AsNoTracking().Where(n => n.PublishedAt <= now);
        var total = await published.CountAsync(cancellationToken);
        var items = await published
            .OrderByDescending(n => n.Pinned).ThenByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(n => new Row(n.Id, n.Category, english && n.TitleEn != "" ? n.TitleEn : n.TitleKo, n.PublishedAt, n.Pinned, n.Attachments.Count))
            .ToListAsync(cancellationToken);
        return new PagedList<Row>(items, total, page, pageSize);
    }

    /// <summary>Every notice for staff, scheduled ones included, newest publication first.</summary>
    public async Task<IReadOnlyList<Row>> AllAsync(CancellationToken cancellationToken = default) =>
        await db.Notices.AsNoTracking().OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id)
            .Select(n => new Row(n.Id, n.Category, n.TitleKo, n.PublishedAt, n.Pinned, n.Attachments.Count)).ToListAsync(cancellationToken);
}

/// <summary>One notice in the reader's language with its files, or null; a scheduled one only for staff (a preview).</summary>
public sealed class GetNotice(AppDbContext db, TimeProvider clock)
{
    public sealed record FileRow(int Id, string FileName, long Length);

    public sealed record Details(int Id, NoticeCategory Category, string Title, string Body, DateTimeOffset PublishedAt, bool Pinned = false,
        IReadOnlyList<FileRow>? Files = null);

    public async Task<Details?> HandleAsync(int id, bool english, bool includeScheduled = false, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return await db.Notices.AsNoTracking().Where(n => n.Id == id && (includeScheduled || n.PublishedAt <= now))
            .Select(n => new Details(n.Id, n.Category, english && n.TitleEn != "" ? n.TitleEn : n.TitleKo, english && n.BodyEn != "" ? n.BodyEn : n.BodyKo,
                n.PublishedAt, n.Pinned, n.Attachments.OrderBy(a => a.Id).Select(a => new FileRow(a.Id, a.File.FileName, a.File.Length)).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
