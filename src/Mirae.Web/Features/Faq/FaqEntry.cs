using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mirae.Web.Features.Faq;

/// <summary>What a question is about; the page groups questions by it.</summary>
public enum FaqCategory
{
    Account,
    Directory,
    Programs,
    Sourcing,
}

/// <summary>A frequently asked question (자주 묻는 질문) with its answer, in Korean and English.</summary>
public sealed class FaqEntry
{
    public const int MaxQuestion = 300;
    public const int MaxAnswer = 4000;

    public int Id { get; private set; }
    public FaqCategory Category { get; private set; }
    public int Position { get; private set; }
    public string QuestionKo { get; private set; } = "";
    public string QuestionEn { get; private set; } = "";
    public string AnswerKo { get; private set; } = "";
    public string AnswerEn { get; private set; } = "";

    private FaqEntry()
    {
    }

    public static FaqEntry Create(FaqCategory category, int position, string questionKo, string questionEn, string answerKo, string answerEn) =>
        new() { Category = category, Position = position, QuestionKo = questionKo, QuestionEn = questionEn, AnswerKo = answerKo, AnswerEn = answerEn };
}

public sealed class FaqEntryConfiguration : IEntityTypeConfiguration<FaqEntry>
{
    public void Configure(EntityTypeBuilder<FaqEntry> builder)
    {
        builder.ToTable("FaqEntries");
        builder.Property(f => f.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.QuestionKo).HasMaxLength(FaqEntry.MaxQuestion);
        builder.Property(f => f.QuestionEn).HasMaxLength(FaqEntry.MaxQuestion);
        builder.Property(f => f.AnswerKo).HasMaxLength(FaqEntry.MaxAnswer);
        builder.Property(f => f.AnswerEn).HasMaxLength(FaqEntry.MaxAnswer);
        builder.HasIndex(f => new { f.Category, f.Position });
    }
}
