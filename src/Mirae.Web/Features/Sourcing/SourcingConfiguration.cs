using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Sourcing;

public sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Description).HasMaxLength(4000);
        builder.Property(n => n.Requirements).HasJsonConversion(null);
        builder.Property(n => n.RequiredCertificates).HasJsonConversion(1000);
        builder.Property(n => n.AnnualVolume).HasMaxLength(100);
        builder.Property(n => n.Visibility).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(n => new { n.Status, n.Visibility });
        builder.HasIndex(n => n.BuyerId);
        builder.HasOne<Directory.Organization>().WithMany().HasForeignKey(n => n.BuyerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Directory.Material>().WithMany().HasForeignKey(n => n.MaterialId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Invitations).WithOne().HasForeignKey(i => i.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Invitations).HasField("_invitations");
    }
}

public sealed class NeedInvitationConfiguration : IEntityTypeConfiguration<NeedInvitation>
{
    public void Configure(EntityTypeBuilder<NeedInvitation> builder)
    {
        builder.ToTable("NeedInvitations");
        builder.Property(i => i.BusinessNumber).HasMaxLength(10);
        builder.HasIndex(i => new { i.NeedId, i.BusinessNumber }).IsUnique();
        builder.HasIndex(i => i.BusinessNumber);
    }
}

public sealed class QualificationConfiguration : IEntityTypeConfiguration<Qualification>
{
    public void Configure(EntityTypeBuilder<Qualification> builder)
    {
        builder.Property(q => q.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(q => q.Summary).HasMaxLength(2000);
        builder.Property(q => q.Tests).HasJsonConversion(null);
        builder.HasIndex(q => new { q.BuyerId, q.ProductId }).IsUnique();
        builder.HasIndex(q => q.ProductId);
        builder.HasOne<Directory.Organization>().WithMany().HasForeignKey(q => q.BuyerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Directory.Product>().WithMany().HasForeignKey(q => q.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ChangeNoticeConfiguration : IEntityTypeConfiguration<ChangeNotice>
{
    public void Configure(EntityTypeBuilder<ChangeNotice> builder)
    {
        builder.Property(n => n.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Description).HasMaxLength(4000);
        builder.Property(n => n.AffectedLots).HasMaxLength(500);
        builder.HasIndex(n => n.ProductId);
        builder.HasIndex(n => n.FileId).IsUnique();
        builder.HasOne<Directory.Product>().WithMany().HasForeignKey(n => n.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(n => n.File).WithMany().HasForeignKey(n => n.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Acknowledgements).WithOne().HasForeignKey(a => a.ChangeNoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Acknowledgements).HasField("_acknowledgements");
    }
}

public sealed class ChangeAcknowledgementConfiguration : IEntityTypeConfiguration<ChangeAcknowledgement>
{
    public void Configure(EntityTypeBuilder<ChangeAcknowledgement> builder)
    {
        builder.ToTable("ChangeAcknowledgements");
        builder.HasIndex(a => new { a.ChangeNoticeId, a.BuyerId }).IsUnique();
        builder.HasIndex(a => a.BuyerId);
        builder.HasOne<Directory.Organization>().WithMany().HasForeignKey(a => a.BuyerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ConsultationSessionConfiguration : IEntityTypeConfiguration<ConsultationSession>
{
    public void Configure(EntityTypeBuilder<ConsultationSession> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Place).HasMaxLength(200);
        builder.Property(s => s.VideoLink).HasMaxLength(500);
        builder.HasIndex(s => s.MaterialId);
        builder.HasOne<Directory.Material>().WithMany().HasForeignKey(s => s.MaterialId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Slots).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Slots).HasField("_slots");
    }
}

public sealed class ConsultationSlotConfiguration : IEntityTypeConfiguration<ConsultationSlot>
{
    public void Configure(EntityTypeBuilder<ConsultationSlot> builder)
    {
        builder.ToTable("ConsultationSlots");
        builder.Property(s => s.Outcome).HasMaxLength(2000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.SessionId, s.Number }).IsUnique();
        builder.HasIndex(s => s.BuyerId);
        builder.HasIndex(s => s.SupplierId);
        builder.HasOne<Directory.Organization>().WithMany().HasForeignKey(s => s.BuyerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Directory.Organization>().WithMany().HasForeignKey(s => s.SupplierId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class NeedInterestConfiguration : IEntityTypeConfiguration<NeedInterest>
{
    public void Configure(EntityTypeBuilder<NeedInterest> builder)
    {
        builder.ToTable("NeedInterests");
        builder.Property(i => i.Message).HasMaxLength(NeedInterest.MaxMessage);
        builder.HasIndex(i => new { i.NeedId, i.SupplierId }).IsUnique();
        builder.HasIndex(i => i.SupplierId);
        builder.HasOne<Need>().WithMany().HasForeignKey(i => i.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Directory.Organization>().WithMany().HasForeignKey(i => i.SupplierId).OnDelete(DeleteBehavior.Restrict);
    }
}
