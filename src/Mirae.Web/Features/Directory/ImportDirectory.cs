using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;

namespace Mirae.Web.Features.Directory;

/// <summary>
/// Imports materials.csv, organizations.csv and products.csv (docs/import-format.md), in that order.
/// Each file is checked whole first: a file with any bad row changes nothing, and every bad row is reported as
/// <c>file:line: reason</c>. Rows update by key (material_code; business_number; business_number + product_code).
/// </summary>
public sealed class ImportDirectory(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public const string MaterialsFile = "materials.csv";
    public const string OrganizationsFile = "organizations.csv";
    public const string ProductsFile = "products.csv";
    public static readonly string[] Files = [MaterialsFile, OrganizationsFile, ProductsFile];

    public sealed record FileResult(string File, int Inserted, int Updated, int Rejected, IReadOnlyList<string> Errors);

    public sealed record Result(IReadOnlyList<FileResult> Files)
    {
        public bool Succeeded => Files.All(f => f.Errors.Count == 0);
    }

    /// <param name="files">File name (one of <see cref="Files"/>) to its content; missing files are skipped.</param>
    /// <param name="progress">Receives "file: n/total" while rows are applied.</param>
    public async Task<Result> HandleAsync(IReadOnlyDictionary<string, Stream> files, IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var results = new List<FileResult>();
        foreach (var name in Files.Where(files.ContainsKey))
        {
            var csv = await CsvFile.ReadAsync(files[name], cancellationToken);
            var result = name switch
            {
                MaterialsFile => await ImportMaterialsAsync(csv, progress, cancellationToken),
                OrganizationsFile => await ImportOrganizationsAsync(csv, progress, cancellationToken),
                _ => await ImportProductsAsync(csv, progress, cancellationToken),
            };
            results.Add(result);
            db.ChangeTracker.Clear();
        }
        return new Result(results);
    }

    private async Task<FileResult> ImportMaterialsAsync(CsvFile csv, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var check = new Check(MaterialsFile, csv, text, ["material_code", "category_ko", "category_en", "name_ko", "name_en"]);
        foreach (var row in check.Rows)
        {
            check.Required(row, "material_code", "category_ko", "category_en", "name_ko", "name_en");
            check.Unique(row, row.Get("material_code"));
            if (row.Optional("hs_code") is { } hs && (hs.Length != 6 || !hs.All(char.IsAsciiDigit)))
            {
                check.Reject(row, "Import.HsCode");
            }
            check.Year(row, "localization_target_year");
        }
        if (check.Failed)
        {
            return check.Result();
        }

        var categories = await db.MaterialCategories.Where(c => c.ParentId == null).ToDictionaryAsync(c => c.NameKo, cancellationToken);
        var existing = await db.Materials.Include(m => m.Category).ToDictionaryAsync(m => m.Code, cancellationToken);
        var (inserted, updated) = (0, 0);
        var renamed = new List<string>();
        var renamedCategories = new List<MaterialCategory>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in check.Rows)
        {
            var categoryKo = row.Get("category_ko");
            if (!categories.TryGetValue(categoryKo, out var category))
            {
                category = MaterialCategory.TopLevel(categoryKo, row.Get("category_en"));
                categories[categoryKo] = category;
                db.MaterialCategories.Add(category);
            }
            if (category.NameEn != row.Get("category_en"))
            {
                category.Rename(row.Get("category_en"));
                renamedCategories.Add(category);
            }
            var code = row.Get("material_code");
            if (!existing.TryGetValue(code, out var material))
            {
                material = Material.Create(code);
                db.Materials.Add(material);
                inserted++;
            }
            else
            {
                updated++;
                if (material.NameKo != row.Get("name_ko") || material.NameEn != row.Get("name_en") || material.Category.NameKo != categoryKo
                    || material.Category.NameEn != row.Get("category_en"))
                {
                    renamed.Add(code);
                }
            }
            material.Update(category, row.Get("name_ko"), row.Get("name_en"), row.Optional("hs_code"), Check.OptionalInt(row, "localization_target_year"));
        }
        await db.SaveChangesAsync(cancellationToken);
        // A category renamed in English reaches the products of all its materials, those not in this file too.
        var categoryIds = renamedCategories.Select(c => c.Id).ToList();
        await ReindexProductsAsync(db.Products.Where(p => renamed.Contains(p.Material.Code) || categoryIds.Contains(p.Material.CategoryId)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        progress?.Report($"{MaterialsFile}: {check.Rows.Count}/{check.Rows.Count}");
        return new FileResult(MaterialsFile, inserted, updated, 0, []);
    }

    private async Task<FileResult> ImportOrganizationsAsync(CsvFile csv, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var check = new Check(OrganizationsFile, csv, text, ["business_number", "kind", "name_ko"]);
        foreach (var row in check.Rows)
        {
            check.Required(row, "business_number", "kind", "name_ko");
            if (!BusinessNumber.TryParse(row.Get("business_number"), out var number))
            {
                check.Reject(row, "Import.BusinessNumber");
            }
            else
            {
                check.Unique(row, number.Value.Digits);
            }
            if (ParseKind(row.Get("kind")) is null)
            {
                check.Reject(row, "Import.Kind");
            }
            check.Year(row, "founded_year");
            if (row.Optional("employees") is { } employees && (!int.TryParse(employees, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 10_000_000))
            {
                check.Reject(row, "Import.Integer", "employees");
            }
            if (row.Optional("website") is { } website
                && !(Uri.TryCreate(website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            {
                check.Reject(row, "Import.Website");
            }
        }
        if (check.Failed)
        {
            return check.Result();
        }

        var existing = await db.Organizations.ToDictionaryAsync(o => o.BusinessNumber, cancellationToken);
        var now = clock.GetUtcNow();
        var (inserted, updated) = (0, 0);
        var renamed = new List<string>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in check.Rows)
        {
            var number = CheckedNumber(row);
            if (!existing.TryGetValue(number.Digits, out var organization))
            {
                organization = Organization.Create(number);
                db.Organizations.Add(organization);
                inserted++;
            }
            else
            {
                updated++;
                if (organization.NameKo != row.Get("name_ko") || organization.NameEn != row.Optional("name_en"))
                {
                    renamed.Add(number.Digits);
                }
            }
            organization.Update(ParseKind(row.Get("kind"))!.Value, row.Get("name_ko"), row.Optional("name_en"), row.Optional("region_ko"),
                row.Optional("region_en"), Check.OptionalInt(row, "employees"), Check.OptionalInt(row, "founded_year"), row.Optional("website"), now);
        }
        await db.SaveChangesAsync(cancellationToken);
        await ReindexProductsAsync(db.Products.Where(p => renamed.Contains(p.Organization.BusinessNumber)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        progress?.Report($"{OrganizationsFile}: {check.Rows.Count}/{check.Rows.Count}");
        return new FileResult(OrganizationsFile, inserted, updated, 0, []);
    }

    private async Task<FileResult> ImportProductsAsync(CsvFile csv, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var check = new Check(ProductsFile, csv, text, ["business_number", "product_code", "material_code", "name_ko"]);
        var suppliers = await db.Organizations.Where(o => o.Kind == OrganizationKind.Supplier).ToDictionaryAsync(o => o.BusinessNumber, cancellationToken);
        var materials = await db.Materials.Include(m => m.Category).ToDictionaryAsync(m => m.Code, cancellationToken);
        var parsed = new Dictionary<CsvFile.Row, (List<KeyValuePair<string, string>> Specs, List<(string, DateOnly, DateOnly)> Certificates)>();
        foreach (var row in check.Rows)
        {
            check.Required(row, "business_number", "product_code", "material_code", "name_ko");
            if (!BusinessNumber.TryParse(row.Get("business_number"), out var number))
            {
                check.Reject(row, "Import.BusinessNumber");
            }
            else if (!suppliers.ContainsKey(number.Value.Digits))
            {
                check.Reject(row, "Import.UnknownSupplier");
            }
            else
            {
                check.Unique(row, number.Value.Digits + "/" + row.Get("product_code"));
            }
            if (!materials.ContainsKey(row.Get("material_code")))
            {
                check.Reject(row, "Import.UnknownMaterial");
            }
            var specs = ParseSpecs(row.Get("specs"));
            if (specs is null)
            {
                check.Reject(row, "Import.Specs");
            }
            var certificates = ParseCertificates(row.Get("certifications"));
            if (certificates is null)
            {
                check.Reject(row, "Import.Certifications");
            }
            parsed[row] = (specs ?? [], certificates ?? []);
        }
        if (check.Failed)
        {
            return check.Result();
        }

        // Only the products of the suppliers this file names: a small file must not load the whole directory.
        var supplierIds = check.Rows.Select(r => suppliers[CheckedNumber(r).Digits].Id).Distinct().ToList();
        var existing = await db.Products.Where(p => supplierIds.Contains(p.OrganizationId))
            .Include(p => p.Specifications).Include(p => p.Certificates).AsSplitQuery()
            .ToDictionaryAsync(p => (p.OrganizationId, p.Code), cancellationToken);
        var now = clock.GetUtcNow();
        var (inserted, updated) = (0, 0);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < check.Rows.Count; i++)
        {
            var row = check.Rows[i];
            var supplier = suppliers[CheckedNumber(row).Digits];
            if (!existing.TryGetValue((supplier.Id, row.Get("product_code")), out var product))
            {
                product = Product.Create(supplier, row.Get("product_code"));
                db.Products.Add(product);
                inserted++;
            }
            else
            {
                updated++;
            }
            var (specs, certificates) = parsed[row];
            product.Update(materials[row.Get("material_code")], row.Get("name_ko"), row.Optional("name_en"), row.Optional("description_ko"),
                row.Optional("description_en"), specs, certificates, now);
            if ((i + 1) % 500 == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                progress?.Report($"{ProductsFile}: {i + 1}/{check.Rows.Count}");
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        progress?.Report($"{ProductsFile}: {check.Rows.Count}/{check.Rows.Count}");
        return new FileResult(ProductsFile, inserted, updated, 0, []);
    }

    /// <summary>Names of materials, categories or suppliers are part of the search text of their products: re-index those renamed.</summary>
    private async Task ReindexProductsAsync(IQueryable<Product> products, CancellationToken cancellationToken)
    {
        foreach (var product in await products.WithSearchText().ToListAsync(cancellationToken))
        {
            product.Reindex();
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static BusinessNumber CheckedNumber(CsvFile.Row row) =>
        BusinessNumber.TryParse(row.Get("business_number"), out var number) ? number.Value : throw new InvalidOperationException("checked before applying");

    private static OrganizationKind? ParseKind(string kind) => kind switch
    {
        "supplier" => OrganizationKind.Supplier,
        "buyer" => OrganizationKind.Buyer,
        "institution" => OrganizationKind.Institution,
        _ => null,
    };

    private static List<KeyValuePair<string, string>>? ParseSpecs(string specs)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var pair in specs.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || at > 100 || pair.Length - at - 1 > 300)
            {
                return null;
            }
            result.Add(new(pair[..at].Trim(), pair[(at + 1)..].Trim()));
        }
        return result;
    }

    private static List<(string, DateOnly, DateOnly)>? ParseCertificates(string certifications)
    {
        var result = new List<(string, DateOnly, DateOnly)>();
        foreach (var item in certifications.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(':');
            if (parts.Length != 3 || parts[0].Length is 0 or > 40
                || !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var issued)
                || !DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires)
                || expires < issued)
            {
                return null;
            }
            result.Add((parts[0], issued, expires));
        }
        return result;
    }

    /// <summary>Collects the reasons rows are rejected, one message per problem, as file:line: reason.</summary>
    private sealed class Check
    {
        private readonly string _file;
        private readonly IStringLocalizer _text;
        private readonly List<string> _errors = [];
        private readonly HashSet<int> _badLines = [];
        private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);

        public Check(string file, CsvFile csv, IStringLocalizer text, string[] requiredColumns)
        {
            _file = file;
            _text = text;
            Rows = csv.Rows;
            foreach (var (line, reason) in csv.Problems)
            {
                Add(line, reason);
            }
            foreach (var column in requiredColumns.Where(c => csv.Header.Count > 0 && !csv.Header.Contains(c)))
            {
                Add(1, text["Import.MissingColumn", column]);
            }
        }

        public IReadOnlyList<CsvFile.Row> Rows { get; }
        public bool Failed => _errors.Count > 0;

        public void Required(CsvFile.Row row, params string[] columns)
        {
            foreach (var column in columns.Where(c => row.Get(c).Length == 0))
            {
                Add(row.Line, _text["Import.Required", column]);
            }
        }

        public void Unique(CsvFile.Row row, string key)
        {
            if (!_keys.TryAdd(key, row.Line))
            {
                Add(row.Line, _text["Import.Duplicate", key, _keys[key]]);
            }
        }

        public void Year(CsvFile.Row row, string column)
        {
            if (row.Optional(column) is { } value && (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1800 or > 2100))
            {
                Add(row.Line, _text["Import.Year", column]);
            }
        }

        public void Reject(CsvFile.Row row, string key, params object[] args) => Add(row.Line, _text[key, args]);

        public static int? OptionalInt(CsvFile.Row row, string column) =>
            row.Optional(column) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;

        public FileResult Result() => new(_file, 0, 0, Math.Max(_badLines.Count, 1), _errors);

        private void Add(int line, string reason)
        {
            _errors.Add($"{_file}:{line}: {reason}");
            _badLines.Add(line);
        }
    }
}
