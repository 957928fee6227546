using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mirae.Web.Features.Notices;

public enum NoticeCategory
{
    Announcement,
    Call,
    Event,
    Result,
}

/// <summary>A notice (공지사항) on the portal's board, in Korean and English.</summary>
public sealed class Notice
{
    public int Id { get; private set; }
    public NoticeCategory Category { get; private set; }
    public string TitleKo { get; private set; } = "";
    public string TitleEn { get; private set; } = "";
    public string BodyKo { get; private set; } = "";
    public string BodyEn { get; private set; } = "";
    public DateTimeOffset PublishedAt { get; private set; }

    private Notice()
    {
    }

    public static Notice Publish(NoticeCategory category, string titleKo, string titleEn, string bodyKo, string bodyEn, DateTimeOffset at) =>
        new() { Category = category, TitleKo = titleKo, TitleEn = titleEn, BodyKo = bodyKo, BodyEn = bodyEn, PublishedAt = at };
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
    }
}
