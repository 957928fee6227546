using Mirae.Web.Features.Accounts;

namespace Mirae.Web.Features.Directory;

public enum OrganizationKind
{
    Supplier,
    Buyer,
    Institution,
}

/// <summary>A company or institution (기관·기업), keyed by its business registration number.</summary>
public sealed class Organization
{
    public int Id { get; private set; }
    /// <summary>10 digits, checksum-valid.</summary>
    public string BusinessNumber { get; private set; } = "";
    public OrganizationKind Kind { get; private set; }
    public string NameKo { get; private set; } = "";
    public string? NameEn { get; private set; }
    public string? RegionKo { get; private set; }
    public string? RegionEn { get; private set; }
    public int? Employees { get; private set; }
    public int? FoundedYear { get; private set; }
    public string? Website { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private Organization()
    {
    }

    public static Organization Create(BusinessNumber number) => new() { BusinessNumber = number.Digits };

    public void Update(OrganizationKind kind, string nameKo, string? nameEn, string? regionKo, string? regionEn, int? employees, int? foundedYear,
        string? website, DateTimeOffset now)
    {
        Kind = kind;
        NameKo = nameKo;
        NameEn = nameEn;
        RegionKo = regionKo;
        RegionEn = regionEn;
        Employees = employees;
        FoundedYear = foundedYear;
        Website = website;
        UpdatedAt = now;
    }
}

/// <summary>The category tree of materials (원부자재 분류): 배지 → 세포배양 배지 ….</summary>
public sealed class MaterialCategory
{
    public int Id { get; private set; }
    public int? ParentId { get; private set; }
    public string NameKo { get; private set; } = "";
    public string NameEn { get; private set; } = "";

    private MaterialCategory()
    {
    }

    public static MaterialCategory TopLevel(string nameKo, string nameEn) => new() { NameKo = nameKo, NameEn = nameEn };

    public void Rename(string nameEn) => NameEn = nameEn;
}

/// <summary>A generic material (원부자재 품목), e.g. a parvovirus-retentive virus filter.</summary>
public sealed class Material
{
    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public int CategoryId { get; private set; }
    public MaterialCategory Category { get; private set; } = null!;
    public string NameKo { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    /// <summary>Six digits, or null.</summary>
    public string? HsCode { get; private set; }
    /// <summary>The year the material became a localization target (국산화 대상); null when it is not one.</summary>
    public int? LocalizationTargetYear { get; private set; }
    /// <summary>What the region imports of it a year (won), weighting the localization rate; null when unknown.</summary>
    public long? AnnualImportValue { get; private set; }

    private Material()
    {
    }

    public static Material Create(string code) => new() { Code = code };

    public void Update(MaterialCategory category, string nameKo, string nameEn, string? hsCode, int? targetYear)
    {
        Category = category;
        NameKo = nameKo;
        NameEn = nameEn;
        HsCode = hsCode;
        LocalizationTargetYear = targetYear;
    }

    public void SetAnnualImportValue(long? won) => AnnualImportValue = won is null or >= 0 ? won : throw new ArgumentOutOfRangeException(nameof(won));
}
