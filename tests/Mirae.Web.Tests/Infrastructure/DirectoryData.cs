using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Directory;

namespace Mirae.Web.Tests.Infrastructure;

/// <summary>Test data for the Directory feature, made through the entities' own methods: suppliers, products, memberships.</summary>
public static class DirectoryData
{
    public const string MaterialCode = "TST-MAT";

    // Names made of syllables no demo entry uses, so the demo searches other tests count stay exact.

    /// <summary>A fresh, checksum-valid business registration number (digits).</summary>
    public static string NewBusinessNumber()
    {
        int[] weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
        while (true)
        {
            var digits = Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var sum = digits.Select((c, i) => (c - '0') * weights[i]).Sum() + (digits[8] - '0') * 5 / 10;
            if (BusinessNumber.TryParse(digits + (10 - sum % 10) % 10, out var number))
            {
                return number.Value.Digits;
            }
        }
    }

    public static async Task<Organization> AddOrganizationAsync(MiraeFactory factory, string nameKo = "뮤뮤시험(주)",
        OrganizationKind kind = OrganizationKind.Supplier, int foundedYear = 2015, string? businessNumber = null)
    {
        await using var db = factory.CreateDbContext();
        Assert.True(BusinessNumber.TryParse(businessNumber ?? NewBusinessNumber(), out var number));
        var organization = Organization.Create(number.Value);
        organization.Update(kind, nameKo, "Mumu Test", "인천광역시 연수구", "Yeonsu-gu, Incheon", 30, foundedYear, null, DateTimeOffset.UtcNow);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return organization;
    }

    public static async Task<int> AddProductAsync(MiraeFactory factory, int organizationId, string nameKo = "뮤뮤 시험 제품",
        params (string Code, DateOnly IssuedOn, DateOnly ExpiresOn)[] certificates)
    {
        await using var db = factory.CreateDbContext();
        var material = await EnsureMaterialAsync(db);
        var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId);
        var product = Product.Create(organization, "P-" + Guid.NewGuid().ToString("N")[..8]);
        product.Update(material, nameKo, "Mumu test product", null, null, [new("pore_size_nm", "20")], certificates, DateTimeOffset.UtcNow);
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product.Id;
    }

    /// <summary>Links the member to the organization, approved by staff unless <paramref name="approved"/> is false.</summary>
    public static async Task LinkAsync(MiraeFactory factory, Guid userId, int organizationId, bool approved = true)
    {
        await using var db = factory.CreateDbContext();
        var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId);
        var membership = OrganizationMembership.Request(organization, userId, DateTimeOffset.UtcNow);
        if (approved)
        {
            membership.Approve(Guid.NewGuid(), null, DateTimeOffset.UtcNow);
        }
        db.Memberships.Add(membership);
        await db.SaveChangesAsync();
    }

    /// <summary>A company member who may manage <paramref name="organizationId"/>'s products, signed in.</summary>
    public static async Task<(PageClient Client, AppUser Member)> SignedInMemberOfAsync(MiraeFactory factory, int organizationId, bool approved = true)
    {
        var member = await Members.RegisterAsync(factory, kind: MemberKind.CompanyMember);
        await LinkAsync(factory, member.Id, organizationId, approved);
        return (await factory.SignedInClientAsync(member.Email!), member);
    }

    /// <summary>The id of the test material (<see cref="MaterialCode"/>), added on first use.</summary>
    public static async Task<int> MaterialIdAsync(MiraeFactory factory)
    {
        await using var db = factory.CreateDbContext();
        return (await EnsureMaterialAsync(db)).Id;
    }

    private static async Task<Material> EnsureMaterialAsync(AppDbContext db)
    {
        if (await db.Materials.Include(m => m.Category).SingleOrDefaultAsync(m => m.Code == MaterialCode) is { } existing)
        {
            return existing;
        }
        var category = MaterialCategory.TopLevel("시험용 분류", "Test category");
        var material = Material.Create(MaterialCode);
        material.Update(category, "뮤뮤 시험 소재", "Mumu test material", null, null);
        db.Materials.Add(material);
        await db.SaveChangesAsync();
        return material;
    }
}
