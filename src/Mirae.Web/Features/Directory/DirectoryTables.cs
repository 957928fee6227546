using Microsoft.EntityFrameworkCore;
using Mirae.Web.Features.Directory;

namespace Mirae.Web.Data;

/// <summary>The tables of the directory feature (its part of the one context; the mapping is in its configurations).</summary>
public sealed partial class AppDbContext
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<MaterialCategory> MaterialCategories => Set<MaterialCategory>();
    public DbSet<Material> Materials => Set<Material>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductCertificate> ProductCertificates => Set<ProductCertificate>();
    public DbSet<ProductDocument> ProductDocuments => Set<ProductDocument>();
    public DbSet<OrganizationMembership> Memberships => Set<OrganizationMembership>();
    public DbSet<ColleagueInvitation> ColleagueInvitations => Set<ColleagueInvitation>();
}
