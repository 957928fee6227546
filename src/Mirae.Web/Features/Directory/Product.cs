using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

/// <summary>A supplier's product (제품): an offering of a material with specifications and certificates.</summary>
public sealed class Product
{
    private readonly List<ProductSpecification> _specifications = [];
    private readonly List<ProductCertificate> _certificates = [];
    private readonly List<ProductDocument> _documents = [];

    public const int MaxSpecifications = 50;
    public const int MaxCertificates = 30;
    public const int MaxDocuments = 20;

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
    public IReadOnlyList<ProductDocument> Documents => _documents;
    /// <summary>Analyzed names and codes (see <see cref="SearchAnalyzer"/>); both search engines index it, ranked higher.</summary>
    public string SearchName { get; private set; } = "";
    /// <summary>Analyzed descriptions, specifications, material, category and supplier.</summary>
    public string SearchBody { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    private Product()
    {
    }

    public static Product Create(Organization supplier, string code) => new() { Organization = supplier, Code = code };

    /// <summary>Replaces the description and certificates, as an import row does.</summary>
    public void Update(Material material, string nameKo, string? nameEn, string? descriptionKo, string? descriptionEn,
        IEnumerable<KeyValuePair<string, string>> specifications, IEnumerable<(string Code, DateOnly IssuedOn, DateOnly ExpiresOn)> certificates,
        DateTimeOffset now)
    {
        _certificates.Clear();
        _certificates.AddRange(certificates.Select(c => new ProductCertificate(c.Code, c.IssuedOn, c.ExpiresOn)));
        Describe(material, nameKo, nameEn, descriptionKo, descriptionEn, specifications, now);
    }

    /// <summary>Names, descriptions and specifications; certificates and documents stay as they are.</summary>
    public void Describe(Material material, string nameKo, string? nameEn, string? descriptionKo, string? descriptionEn,
        IEnumerable<KeyValuePair<string, string>> specifications, DateTimeOffset now)
    {
        var specs = specifications.ToList();
        if (specs.Count > MaxSpecifications)
        {
            throw new DomainException("product.too-many-specifications", "Product.TooManySpecifications", ProblemKind.Invalid);
        }
        Material = material;
        NameKo = nameKo;
        NameEn = nameEn;
        DescriptionKo = descriptionKo;
        DescriptionEn = descriptionEn;
        _specifications.Clear();
        _specifications.AddRange(specs.Select((s, i) => new ProductSpecification(s.Key, s.Value, i)));
        Touch(now);
    }

    public ProductCertificate AddCertificate(string code, DateOnly issuedOn, DateOnly expiresOn, DateTimeOffset now)
    {
        if (!ProductCertificate.KnownCodes.Contains(code))
        {
            throw new DomainException("certificate.unknown-code", "Certificate.UnknownCode", ProblemKind.Invalid);
        }
        if (expiresOn < issuedOn)
        {
            throw new DomainException("certificate.expires-before-issued", "Certificate.ExpiresBeforeIssued", ProblemKind.Invalid);
        }
        if (_certificates.Any(c => c.Code == code && c.IssuedOn == issuedOn))
        {
            throw new DomainException("certificate.duplicate", "Certificate.Duplicate");
        }
        if (_certificates.Count >= MaxCertificates)
        {
            throw new DomainException("certificate.too-many", "Certificate.TooMany");
        }
        var certificate = new ProductCertificate(code, issuedOn, expiresOn);
        _certificates.Add(certificate);
        Touch(now);
        return certificate;
    }

    public void RemoveCertificate(int certificateId, DateTimeOffset now)
    {
        var certificate = _certificates.SingleOrDefault(c => c.Id == certificateId) ?? throw new NotFoundException("certificate");
        _certificates.Remove(certificate);
        Touch(now);
    }

    public ProductDocument AddDocument(DocumentKind kind, StoredFile file, Guid uploadedById, DateTimeOffset now)
    {
        if (_documents.Count >= MaxDocuments)
        {
            throw new DomainException("document.too-many", "Document.TooMany");
        }
        var document = new ProductDocument(kind, file, uploadedById, now);
        _documents.Add(document);
        UpdatedAt = now;
        return document;
    }

    /// <summary>Removes the document; the caller deletes its stored file.</summary>
    public ProductDocument RemoveDocument(int documentId, DateTimeOffset now)
    {
        var document = _documents.SingleOrDefault(d => d.Id == documentId) ?? throw new NotFoundException("document");
        _documents.Remove(document);
        UpdatedAt = now;
        return document;
    }

    private void Touch(DateTimeOffset now)
    {
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

    /// <summary>The certification codes the directory knows (docs/import-format.md), offered when a supplier adds one.</summary>
    public static readonly IReadOnlyList<string> KnownCodes =
        ["ISO9001", "ISO13485", "ISO14001", "ISO10993", "ISO11137", "ISO11607", "ISO15378", "KGMP", "MFDS-BIO-GMP", "USP87", "USP88", "USP665"];

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

/// <summary>The kinds of product documents buyers ask for.</summary>
public enum DocumentKind
{
    CertificateOfAnalysis,
    CertificateOfOrigin,
    ExtractablesReport,
    RawMaterialQuestionnaire,
    Datasheet,
}

/// <summary>A product document (제품 문서): CoA, certificate of origin, extractables report, questionnaire or datasheet.</summary>
public sealed class ProductDocument
{
    public const long MaxBytes = 20L * 1024 * 1024;
    public static readonly IReadOnlyList<FileType> AllowedTypes = [FileType.Pdf, FileType.Hwp, FileType.Hwpx, FileType.Png, FileType.Jpeg];

    public int Id { get; private set; }
    public int ProductId { get; private set; }
    public DocumentKind Kind { get; private set; }
    public Guid FileId { get; private set; }
    public StoredFile File { get; private set; } = null!;
    public Guid UploadedById { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    private ProductDocument()
    {
    }

    internal ProductDocument(DocumentKind kind, StoredFile file, Guid uploadedById, DateTimeOffset uploadedAt)
    {
        Kind = kind;
        File = file;
        UploadedById = uploadedById;
        UploadedAt = uploadedAt;
    }
}
