using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mirae.Web.Data;
using Mirae.Web.Features.Applications;

namespace Mirae.Web.Features.Calls;

public sealed class SupportProgramConfiguration : IEntityTypeConfiguration<SupportProgram>
{
    public void Configure(EntityTypeBuilder<SupportProgram> builder)
    {
        builder.ToTable("Programs");
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.NameKo).HasMaxLength(200);
        builder.Property(p => p.NameEn).HasMaxLength(200);
        builder.Property(p => p.DescriptionKo).HasMaxLength(4000);
        builder.Property(p => p.DescriptionEn).HasMaxLength(4000);
    }
}

public sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> builder)
    {
        builder.Property(c => c.TitleKo).HasMaxLength(Call.MaxTitle);
        builder.Property(c => c.TitleEn).HasMaxLength(Call.MaxTitle);
        builder.Property(c => c.SummaryKo).HasMaxLength(Call.MaxSummary);
        builder.Property(c => c.SummaryEn).HasMaxLength(Call.MaxSummary);
        builder.Property(c => c.TotalBudget).HasPrecision(18, 0);
        builder.Property(c => c.PerTaskCap).HasPrecision(18, 0);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Eligibility).HasJsonConversion(2000);
        builder.Property(c => c.Funding).HasJsonConversion(500).HasDefaultValue(FundingRules.Default); // calls made before issue 20
        builder.Property(c => c.AgreementTemplate).HasMaxLength(4000).HasDefaultValue("");
        builder.Property(c => c.RequiredDocuments).HasJsonConversion(8000);
        builder.Property(c => c.Rubric).HasJsonConversion(8000);
        builder.Property(c => c.Form).HasJsonConversion(null);
        builder.HasOne(c => c.Program).WithMany().HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Extensions).WithOne().HasForeignKey(e => e.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Extensions).HasField("_extensions");
        builder.HasMany(c => c.Templates).WithOne().HasForeignKey(t => t.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Templates).HasField("_templates");
        builder.HasIndex(c => new { c.Status, c.ClosesAt });
    }
}

public sealed class CallExtensionConfiguration : IEntityTypeConfiguration<CallExtension>
{
    public void Configure(EntityTypeBuilder<CallExtension> builder)
    {
        builder.ToTable("CallExtensions");
        builder.Property(e => e.Reason).HasMaxLength(500);
    }
}

public sealed class CallTemplateConfiguration : IEntityTypeConfiguration<CallTemplate>
{
    public void Configure(EntityTypeBuilder<CallTemplate> builder)
    {
        builder.ToTable("CallTemplates");
        builder.HasOne(t => t.File).WithMany().HasForeignKey(t => t.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.FileId).IsUnique();
        builder.HasIndex(t => new { t.CallId, t.DocumentIndex }).IsUnique();
    }
}
