using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Localization;

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
