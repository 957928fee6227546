using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

/// <summary>
/// Creates a product for an organization or changes an existing one's names, material, descriptions and
/// specifications. The caller has authorized <see cref="OrganizationOperations.ManageProducts"/>.
/// </summary>
public sealed class SaveProduct(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <param name="Specifications">One <c>key=value</c> per line, as in the import's <c>specs</c> column.</param>
    public sealed record Command(int OrganizationId, int? ProductId, string Code, string MaterialCode, string NameKo, string? NameEn,
        string? DescriptionKo, string? DescriptionEn, string? Specifications);

    public async Task<int> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var specifications = ParseSpecifications(command.Specifications);
        var material = await db.Materials.Include(m => m.Category).SingleOrDefaultAsync(m => m.Code == command.MaterialCode, cancellationToken)
            ?? throw new DomainException("product.material-unknown", "Product.MaterialUnknown", ProblemKind.Invalid);
        var code = command.Code.Trim();
        Product product;
        if (command.ProductId is int id)
        {
            product = await db.LoadProductForEditAsync(id, cancellationToken) ?? throw new NotFoundException("product");
            if (product.OrganizationId != command.OrganizationId)
            {
                throw new NotFoundException("product");
            }
        }
        else
        {
            if (await db.Products.AnyAsync(p => p.OrganizationId == command.OrganizationId && p.Code == code, cancellationToken))
            {
                throw new DomainException("product.code-taken", "Product.CodeTaken");
            }
            var organization = await db.Organizations.SingleAsync(o => o.Id == command.OrganizationId, cancellationToken);
            if (organization.Kind != OrganizationKind.Supplier)
            {
                throw new DomainException("product.not-supplier", "Product.NotSupplier");
            }
            product = Product.Create(organization, code);
            db.Products.Add(product);
        }
        product.Describe(material, Names.Clean(command.NameKo), Blank(command.NameEn), Blank(command.DescriptionKo), Blank(command.DescriptionEn),
            specifications, clock.GetUtcNow());
        audit.Add(AuditActions.ProductChanged, $"product:{product.Organization.BusinessNumber}/{product.Code}", command.ProductId is null ? "created" : "described");
        await db.SaveChangesAsync(cancellationToken);
        return product.Id;
    }

    /// <summary>Blank lines are skipped; anything else must be <c>key=value</c> with a key of 1–100 and a value of at most 300 characters.</summary>
    public static List<KeyValuePair<string, string>> ParseSpecifications(string? text)
    {
        var read = LineFormat.Parse(text, line => line is { Count: 2 } && line[0].Length is > 0 and <= 100 && line[1].Length <= 300
            ? new Specification(line[0], line[1])
            : null, separator: '=', cells: 2);
        return read.BadLine is { } bad
            ? throw new DomainException("product.specifications-invalid", "Product.SpecificationsInvalidAt", ProblemKind.Invalid, arguments: [bad])
            : read.Items.Select(s => new KeyValuePair<string, string>(s.Key, s.Value)).ToList();
    }

    private sealed record Specification(string Key, string Value);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : Names.Clean(value) is { Length: > 0 } clean ? clean : null;
}

public static class ProductLoading
{
    /// <summary>Products with everything <see cref="Product.Reindex"/> reads.</summary>
    public static IQueryable<Product> WithSearchText(this IQueryable<Product> products) =>
        products.Include(p => p.Organization).Include(p => p.Material).ThenInclude(m => m.Category)
            .Include(p => p.Specifications).Include(p => p.Certificates).AsSplitQuery();

    /// <summary>A product with everything its search text and the edit page need, tracked for a change.</summary>
    public static Task<Product?> LoadProductForEditAsync(this AppDbContext db, int id, CancellationToken cancellationToken) =>
        db.Products.WithSearchText().Include(p => p.Documents).ThenInclude(d => d.File).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
}
