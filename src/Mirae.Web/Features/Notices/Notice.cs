using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Notices;

public enum NoticeCategory
{
    Announcement,
    Call,
    Event,
    Result,
}

/// <summary>
/// A notice (공지사항) on the portal's board, in Korean (and English when written). Staff write it with a publication
/// time (now or later: it is public from then), may pin it to the top, and attach files.
/// </summary>
public sealed class Notice
{
    public const int MaxTitle = 200;
    public const int MaxBody = 20_000;
    public const int MaxAttachments = 5;

    private readonly List<NoticeAttachment> _attachments = [];

    public int Id { get; private set; }
    public NoticeCategory Category { get; private set; }
    public string TitleKo { get; private set; } = "";
    public string TitleEn { get; private set; } = "";
    public string BodyKo { get; private set; } = "";
    public string BodyEn { get; private set; } = "";
    public DateTimeOffset PublishedAt { get; private set; }
    /// <summary>Shown above the others while pinned (고정 공지).</summary>
    public bool Pinned { get; private set; }
    public IReadOnlyList<NoticeAttachment> Attachments => _attachments;

    private Notice()
    {
    }

    public static Notice Publish(NoticeCategory category, string titleKo, string titleEn, string bodyKo, string bodyEn, DateTimeOffset at) =>
        new() { Category = category, TitleKo = titleKo, TitleEn = titleEn, BodyKo = bodyKo, BodyEn = bodyEn, PublishedAt = at };

    /// <summary>Sets what the notice says and when it is public; checked, so nothing half-valid is kept.</summary>
    public void Write(NoticeCategory category, string titleKo, string? titleEn, string bodyKo, string? bodyEn, bool pinned, DateTimeOffset publishAt)
    {
        if (!Enum.IsDefined(category) || string.IsNullOrWhiteSpace(titleKo) || titleKo.Trim().Length > MaxTitle || (titleEn?.Trim().Length ?? 0) > MaxTitle
            || string.IsNullOrWhiteSpace(bodyKo) || bodyKo.Length > MaxBody || (bodyEn?.Length ?? 0) > MaxBody)
        {
            throw new DomainException("notice.invalid", "NoticeEdit.Invalid", ProblemKind.Invalid);
        }
        (Category, TitleKo, TitleEn, BodyKo, BodyEn, Pinned, PublishedAt) =
            (category, titleKo.Trim(), titleEn?.Trim() ?? "", bodyKo.Trim(), bodyEn?.Trim() ?? "", pinned, publishAt.ToUniversalTime());
    }

    public static Notice Create() => new();

    public void Attach(StoredFile file, DateTimeOffset now)
    {
        if (_attachments.Count >= MaxAttachments)
        {
            throw new DomainException("notice.too-many-files", "NoticeEdit.TooManyFiles", ProblemKind.Conflict, "file", [MaxAttachments]);
        }
        _attachments.Add(new NoticeAttachment(file, now));
    }

    /// <summary>Removes the attachment; returns its file for the caller to delete, or null when there is none with that id.</summary>
    public StoredFile? Remove(int attachmentId)
    {
        var attachment = _attachments.SingleOrDefault(a => a.Id == attachmentId);
        if (attachment is null)
        {
            return null;
        }
        _attachments.Remove(attachment);
        return attachment.File;
    }
}

/// <summary>A file attached to a notice (an application form, a guide …), public once the notice is.</summary>
public sealed class NoticeAttachment
{
    public const long MaxBytes = 20L * 1024 * 1024;
    public static readonly IReadOnlyList<FileType> AllowedTypes = [FileType.Pdf, FileType.Hwp, FileType.Hwpx, FileType.Docx, FileType.Xlsx, FileType.Png, FileType.Jpeg];

    public int Id { get; private set; }
    public int NoticeId { get; private set; }
    public Guid FileId { get; private set; }
    public StoredFile File { get; private set; } = null!;
    public DateTimeOffset UploadedAt { get; private set; }

    private NoticeAttachment()
    {
    }

    internal NoticeAttachment(StoredFile file, DateTimeOffset uploadedAt) => (File, UploadedAt) = (file, uploadedAt);
}

public sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.Property(n => n.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.TitleKo).HasMaxLength(200);
        builder.Property(n => n.TitleEn).HasMaxLength(200);
        builder.Property(n => n.BodyKo).HasMaxLength(20000);
        builder.Property(n => n.BodyEn).HasMaxLength(20000);
        builder.HasIndex(n => n.PublishedAt);
        builder.HasMany(n => n.Attachments).WithOne().HasForeignKey(a => a.NoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Attachments).HasField("_attachments");
    }
}

public sealed class NoticeAttachmentConfiguration : IEntityTypeConfiguration<NoticeAttachment>
{
    public void Configure(EntityTypeBuilder<NoticeAttachment> builder)
    {
        builder.ToTable("NoticeAttachments");
        builder.HasOne(a => a.File).WithMany().HasForeignKey(a => a.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.FileId).IsUnique();
    }
}
