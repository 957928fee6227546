using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mirae.Web.Features.Directory;

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.BusinessNumber).HasMaxLength(10);
        builder.HasIndex(o => o.BusinessNumber).IsUnique();
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.NameKo).HasMaxLength(200);
        builder.Property(o => o.NameEn).HasMaxLength(200);
        builder.Property(o => o.RegionKo).HasMaxLength(100);
        builder.Property(o => o.RegionEn).HasMaxLength(100);
        builder.Property(o => o.Website).HasMaxLength(300);
        builder.HasIndex(o => o.RegionKo);
    }
}

public sealed class MaterialCategoryConfiguration : IEntityTypeConfiguration<MaterialCategory>
{
    public void Configure(EntityTypeBuilder<MaterialCategory> builder)
    {
        builder.Property(c => c.NameKo).HasMaxLength(100);
        builder.Property(c => c.NameEn).HasMaxLength(100);
        builder.HasOne<MaterialCategory>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ParentId, c.NameKo }).IsUnique();
    }
}

public sealed class MaterialConfiguration : IEntityTypeConfiguration<Material>
{
    public void Configure(EntityTypeBuilder<Material> builder)
    {
        builder.Property(m => m.Code).HasMaxLength(40);
        builder.HasIndex(m => m.Code).IsUnique();
        builder.Property(m => m.NameKo).HasMaxLength(200);
        builder.Property(m => m.NameEn).HasMaxLength(200);
        builder.Property(m => m.HsCode).HasMaxLength(6);
        builder.HasOne(m => m.Category).WithMany().HasForeignKey(m => m.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Products, and on PostgreSQL their search vectors (SQLite's FTS5 tables are outside the model: ADR 006).</summary>
public sealed class ProductConfiguration(DatabaseFacade database) : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(60);
        builder.HasIndex(p => new { p.OrganizationId, p.Code }).IsUnique();
        builder.Property(p => p.NameKo).HasMaxLength(300);
        builder.Property(p => p.NameEn).HasMaxLength(300);
        builder.Property(p => p.DescriptionKo).HasMaxLength(4000);
        builder.Property(p => p.DescriptionEn).HasMaxLength(4000);
        builder.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Material).WithMany().HasForeignKey(p => p.MaterialId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Specifications).WithOne().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Certificates).WithOne().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Specifications).HasField("_specifications");
        builder.Navigation(p => p.Certificates).HasField("_certificates");
        builder.HasMany(p => p.Documents).WithOne().HasForeignKey(d => d.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Documents).HasField("_documents");
        builder.HasIndex(p => p.MaterialId);
        builder.HasIndex(p => p.UpdatedAt);
        if (database.IsNpgsql())
        {
            ProductSearch.ConfigurePostgres(builder);
        }
    }
}

public sealed class ProductSpecificationConfiguration : IEntityTypeConfiguration<ProductSpecification>
{
    public void Configure(EntityTypeBuilder<ProductSpecification> builder)
    {
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.Property(s => s.Value).HasMaxLength(300);
    }
}

public sealed class ProductCertificateConfiguration : IEntityTypeConfiguration<ProductCertificate>
{
    public void Configure(EntityTypeBuilder<ProductCertificate> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(40);
        builder.HasIndex(c => new { c.Code, c.ExpiresOn });
    }
}

public sealed class ProductDocumentConfiguration : IEntityTypeConfiguration<ProductDocument>
{
    public void Configure(EntityTypeBuilder<ProductDocument> builder)
    {
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
        builder.HasOne(d => d.File).WithMany().HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.FileId).IsUnique();
        builder.HasIndex(d => d.ProductId);
    }
}
