using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Programs;

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

public sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Answers).HasJsonConversion(null);
        builder.Property(a => a.ReceiptNumber).HasMaxLength(30);
        builder.Property(a => a.RequestedAmount).HasPrecision(18, 0);
        builder.Property(a => a.StaffMessage).HasMaxLength(2000);
        builder.HasIndex(a => a.ReceiptNumber).IsUnique();
        builder.HasIndex(a => new { a.CallId, a.OrganizationId }).IsUnique();
        builder.HasIndex(a => a.OrganizationId);
        builder.HasOne<Call>().WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Directory.Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Revisions).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Revisions).HasField("_revisions");
        builder.HasMany(a => a.Attachments).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Attachments).HasField("_attachments");
    }
}

public sealed class ApplicationAttachmentConfiguration : IEntityTypeConfiguration<ApplicationAttachment>
{
    public void Configure(EntityTypeBuilder<ApplicationAttachment> builder)
    {
        builder.ToTable("ApplicationAttachments");
        builder.Property(a => a.FieldKey).HasMaxLength(40);
        builder.HasOne(a => a.File).WithMany().HasForeignKey(a => a.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.FileId).IsUnique();
        builder.HasIndex(a => a.ApplicationId);
    }
}

public sealed class ApplicationRevisionConfiguration : IEntityTypeConfiguration<ApplicationRevision>
{
    public void Configure(EntityTypeBuilder<ApplicationRevision> builder)
    {
        builder.ToTable("ApplicationRevisions");
        builder.Property(r => r.Answers).HasJsonConversion(null);
        builder.HasIndex(r => new { r.ApplicationId, r.Number }).IsUnique();
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
