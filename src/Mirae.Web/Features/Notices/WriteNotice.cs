using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Notices;

/// <summary>Program staff write, change, schedule and pin notices and attach files; each change is audited.</summary>
public sealed class WriteNotice(AppDbContext db, AuditLog audit, LedgerRecords ledger, TimeProvider clock)
{
    public sealed record Command(NoticeCategory Category, string TitleKo, string? TitleEn, string BodyKo, string? BodyEn, bool Pinned, DateTimeOffset? PublishAt);

    /// <summary>Saves a new notice (<paramref name="id"/> null) or changes one; returns its id. No publication time means now.</summary>
    public async Task<int> SaveAsync(int? id, Command command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var notice = id is int existing
            ? await db.Notices.SingleOrDefaultAsync(n => n.Id == existing, cancellationToken) ?? throw new NotFoundException("notice")
            : Notice.Create();
        notice.Write(command.Category, command.TitleKo, command.TitleEn, command.BodyKo, command.BodyEn, command.Pinned,
            command.PublishAt ?? clock.GetUtcNow());
        if (id is null)
        {
            db.Notices.Add(notice);
        }
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(AuditActions.NoticeChanged, $"notice:{notice.Id}",
            $"{(id is null ? "written" : "changed")}: {notice.Category}, {(notice.Pinned ? "pinned, " : "")}public from {Kst.DateTime(notice.PublishedAt)}: {notice.TitleKo}");
        // Each version of a notice goes into the log: its titles, when it is public, and the SHA-256 of its texts.
        ledger.Add(LedgerKinds.NoticePublished, $"notice:{notice.Id}", new JsonObject
        {
            ["noticeId"] = notice.Id,
            ["category"] = notice.Category.ToString(),
            ["titleKo"] = notice.TitleKo,
            ["titleEn"] = notice.TitleEn,
            ["publishedAt"] = notice.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["bodyKoSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(notice.BodyKo))),
            ["bodyEnSha256"] = notice.BodyEn is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(notice.BodyEn))),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return notice.Id;
    }

    public async Task AttachAsync(int id, string fileName, long length, Stream content, CancellationToken cancellationToken)
    {
        var accepted = await FileTypes.ReadAsync(content, length, fileName, NoticeAttachment.AllowedTypes, NoticeAttachment.MaxBytes, cancellationToken);
        // Counted under the notice's lock, so two uploads at once cannot pass the limit together (ADR 015).
        await using var transaction = await db.LockAsync($"notice:{id}", cancellationToken);
        var notice = await db.Notices.Include(n => n.Attachments).SingleOrDefaultAsync(n => n.Id == id, cancellationToken) ?? throw new NotFoundException("notice");
        var now = clock.GetUtcNow();
        var file = StoredFile.Create(fileName, accepted, now);
        db.StoredFiles.Add(file);
        notice.Attach(file, now);
        audit.Add(AuditActions.NoticeChanged, $"notice:{id}", $"attached {file.FileName} sha256:{file.Sha256}");
        ledger.Add(LedgerKinds.DocumentRegistered, $"notice:{id}", new JsonObject { ["noticeId"] = id, ["sha256"] = file.Sha256, ["bytes"] = file.Length });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RemoveAsync(int id, int attachmentId, CancellationToken cancellationToken)
    {
        var notice = await db.Notices.Include(n => n.Attachments).ThenInclude(a => a.File).SingleOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new NotFoundException("notice");
        if (notice.Remove(attachmentId) is { } file)
        {
            db.StoredFiles.Remove(file);
            audit.Add(AuditActions.NoticeChanged, $"notice:{id}", $"removed {file.FileName}");
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task DeleteAsync(int id, CancellationToken cancellationToken)
    {
        var notice = await db.Notices.Include(n => n.Attachments).ThenInclude(a => a.File).SingleOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new NotFoundException("notice");
        var files = notice.Attachments.Select(a => a.File).ToList();
        db.Notices.Remove(notice); // first: its attachments go with it, then nothing refers to the files
        db.StoredFiles.RemoveRange(files);
        audit.Add(AuditActions.NoticeChanged, $"notice:{id}", $"deleted: {notice.TitleKo}");
        await db.SaveChangesAsync(cancellationToken);
    }
}
