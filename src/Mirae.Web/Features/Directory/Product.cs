namespace Mirae.Web.Features.Directory;

/// <summary>A supplier's product (제품): an offering of a material with specifications and certificates.</summary>
public sealed class Product
{
    private readonly List<ProductSpecification> _specifications = [];
    private readonly List<ProductCertificate> _certificates = [];

    public int Id { get; private set; }
    public int OrganizationId { get; private set; }
    public Organization Organization { get; private set; } = null!;
    public int MaterialId { get; private set; }
    public Material Material { get; private set; } = null!;
    /// <summary>Unique per supplier.</summary>
    public string Code { get; private set; } = "";
    public string NameKo { get; private set; } = "";
    public string? NameEn { get; private set; }
    public string? DescriptionKo { get; private set; }
    public string? DescriptionEn { get; private set; }
    public IReadOnlyList<ProductSpecification> Specifications => _specifications;
    public IReadOnlyList<ProductCertificate> Certificates => _certificates;
    /// <summary>Analyzed names and codes (see <see cref="SearchAnalyzer"/>); both search engines index it, ranked higher.</summary>
    public string SearchName { get; private set; } = "";
    /// <summary>Analyzed descriptions, specifications, material, category and supplier.</summary>
    public string SearchBody { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    private Product()
    {
    }

    public static Product Create(Organization supplier, string code) => new() { Organization = supplier, Code = code };

    public void Update(Material material, string nameKo, string? nameEn, string? descriptionKo, string? descriptionEn,
        IEnumerable<KeyValuePair<string, string>> specifications, IEnumerable<(string Code, DateOnly IssuedOn, DateOnly ExpiresOn)> certificates,
        DateTimeOffset now)
    {
        Material = material;
        NameKo = nameKo;
        NameEn = nameEn;
        DescriptionKo = descriptionKo;
        DescriptionEn = descriptionEn;
        _specifications.Clear();
        _specifications.AddRange(specifications.Select((s, i) => new ProductSpecification(s.Key, s.Value, i)));
        _certificates.Clear();
        _certificates.AddRange(certificates.Select(c => new ProductCertificate(c.Code, c.IssuedOn, c.ExpiresOn)));
        UpdatedAt = now;
        Reindex();
    }

    /// <summary>Recomputes the search text from the product and what it refers to; call after any of them changes.</summary>
    public void Reindex()
    {
        SearchName = SearchAnalyzer.Document(NameKo, NameEn, Code, Material.Code);
        SearchBody = SearchAnalyzer.Document(DescriptionKo, DescriptionEn, Material.NameKo, Material.NameEn, Material.Category.NameKo,
            Material.Category.NameEn, Organization.NameKo, Organization.NameEn,
            string.Join(' ', _specifications.Select(s => s.Key + " " + s.Value)), string.Join(' ', _certificates.Select(c => c.Code)));
    }
}

public sealed class ProductSpecification
{
    public int Id { get; private set; }
    public int ProductId { get; private set; }
    public string Key { get; private set; }
    public string Value { get; private set; }
    public int Position { get; private set; }

    internal ProductSpecification(string key, string value, int position)
    {
        Key = key;
        Value = value;
        Position = position;
    }
}

public enum CertificateStatus
{
    Valid,
    ExpiringSoon,
    Expired,
    NotYetValid,
}

/// <summary>A certificate held for a product (ISO 13485, KGMP, USP &lt;665&gt; …) with its validity dates.</summary>
public sealed class ProductCertificate
{
    public const int ExpiringWithinDays = 90;

    public int Id { get; private set; }
    public int ProductId { get; private set; }
    public string Code { get; private set; }
    public DateOnly IssuedOn { get; private set; }
    public DateOnly ExpiresOn { get; private set; }

    internal ProductCertificate(string code, DateOnly issuedOn, DateOnly expiresOn)
    {
        Code = code;
        IssuedOn = issuedOn;
        ExpiresOn = expiresOn;
    }

    public bool IsValidOn(DateOnly day) => IssuedOn <= day && day <= ExpiresOn;

    public CertificateStatus StatusOn(DateOnly day) => StatusOf(IssuedOn, ExpiresOn, day);

    /// <summary>Valid, expiring within <see cref="ExpiringWithinDays"/> days, expired, or not yet valid, on <paramref name="day"/> (KST).</summary>
    public static CertificateStatus StatusOf(DateOnly issuedOn, DateOnly expiresOn, DateOnly day) =>
        day < issuedOn ? CertificateStatus.NotYetValid
        : day > expiresOn ? CertificateStatus.Expired
        : expiresOn <= day.AddDays(ExpiringWithinDays) ? CertificateStatus.ExpiringSoon
        : CertificateStatus.Valid;
}
