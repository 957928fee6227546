using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mirae.Web.Data;
using Mirae.Web.Features.Calls;

namespace Mirae.Web.Features.Applications;

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
