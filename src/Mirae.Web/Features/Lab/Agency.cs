using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>
/// One of the six institutions that govern the SOS Lab: they answer the problems assigned to them and share data. The
/// six are reference data (<see cref="LabAgencies.All"/>); their people are members linked by staff (<see cref="AgencyMember"/>).
/// </summary>
public sealed class Agency
{
    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string NameKo { get; private set; } = "";
    public string NameEn { get; private set; } = "";

    private Agency()
    {
    }

    public static Agency Create(string code, string nameKo, string nameEn) => new() { Code = code, NameKo = nameKo, NameEn = nameEn };
}

public static class LabAgencies
{
    public static readonly IReadOnlyList<(string Code, string NameKo, string NameEn)> All =
    [
        ("city", "인천광역시", "Incheon Metropolitan City"),
        ("education", "인천광역시교육청", "Incheon Metropolitan City Office of Education"),
        ("police", "인천광역시경찰청", "Incheon Metropolitan Police Agency"),
        ("jung-gu", "인천광역시 중구", "Jung-gu, Incheon"),
        ("michuhol-gu", "인천광역시 미추홀구", "Michuhol-gu, Incheon"),
        ("technopark", "인천테크노파크", "Incheon Technopark"),
    ];

    /// <summary>Writes the six agencies once (reference data, every start).</summary>
    public static async Task EnsureAsync(Data.AppDbContext db)
    {
        var known = await db.Agencies.Select(a => a.Code).ToListAsync();
        db.Agencies.AddRange(All.Where(a => !known.Contains(a.Code)).Select(a => Agency.Create(a.Code, a.NameKo, a.NameEn)));
        await db.SaveChangesAsync();
    }
}

/// <summary>A member who acts for an agency (answers its problems, publishes its data).</summary>
public sealed class AgencyMember
{
    public int AgencyId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }

    private AgencyMember()
    {
    }

    public static AgencyMember Of(int agencyId, Guid userId, DateTimeOffset now) => new() { AgencyId = agencyId, UserId = userId, AddedAt = now };
}

/// <summary>The licences datasets are shared under (공공누리 types and CC BY).</summary>
public enum DatasetLicence
{
    KoglType1,
    KoglType2,
    KoglType3,
    KoglType4,
    CcBy,
}

/// <summary>A dataset an agency shares with solution developers; its file is downloaded by signed-in company members, each download logged.</summary>
public sealed class Dataset
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public static readonly IReadOnlyCollection<FileType> FileTypes = [FileType.Xlsx, FileType.Pdf, FileType.Docx, FileType.Hwp, FileType.Hwpx];

    public int Id { get; private set; }
    public int AgencyId { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DatasetLicence Licence { get; private set; }
    public string Contact { get; private set; } = "";
    public DateOnly UpdatedOn { get; private set; }
    public Guid FileId { get; private set; }
    public StoredFile File { get; private set; } = null!;
    public Guid PublishedById { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }

    private Dataset()
    {
    }

    public static Dataset Publish(int agencyId, string title, string description, DatasetLicence licence, string contact, DateOnly updatedOn, StoredFile file,
        Guid publishedById, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 200)
        {
            throw new DomainException("lab.dataset-title", "Lab.DatasetTitleInvalid", ProblemKind.Invalid, "Publish.Title");
        }
        if (string.IsNullOrWhiteSpace(description) || description.Trim().Length > 2000)
        {
            throw new DomainException("lab.dataset-description", "Lab.DatasetDescriptionInvalid", ProblemKind.Invalid, "Publish.Description");
        }
        if (string.IsNullOrWhiteSpace(contact) || contact.Trim().Length > 200)
        {
            throw new DomainException("lab.dataset-contact", "Lab.DatasetContactInvalid", ProblemKind.Invalid, "Publish.Contact");
        }
        return new Dataset
        {
            AgencyId = agencyId, Title = title.Trim(), Description = description.Trim(), Licence = licence, Contact = contact.Trim(), UpdatedOn = updatedOn,
            File = file, FileId = file.Id, PublishedById = publishedById, PublishedAt = now,
        };
    }
}

/// <summary>Who downloaded a dataset, when (kept like other personal-data access records).</summary>
public sealed class DatasetDownload
{
    public long Id { get; private set; }
    public int DatasetId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset At { get; private set; }

    private DatasetDownload()
    {
    }

    public static DatasetDownload By(int datasetId, Guid userId, DateTimeOffset now) => new() { DatasetId = datasetId, UserId = userId, At = now };
}

public sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("LabAgencies");
        builder.Property(a => a.Code).HasMaxLength(30);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.NameKo).HasMaxLength(100);
        builder.Property(a => a.NameEn).HasMaxLength(100);
    }
}

public sealed class AgencyMemberConfiguration : IEntityTypeConfiguration<AgencyMember>
{
    public void Configure(EntityTypeBuilder<AgencyMember> builder)
    {
        builder.ToTable("LabAgencyMembers");
        builder.HasKey(m => new { m.AgencyId, m.UserId });
        builder.HasIndex(m => m.UserId);
        builder.HasOne<Agency>().WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DatasetConfiguration : IEntityTypeConfiguration<Dataset>
{
    public void Configure(EntityTypeBuilder<Dataset> builder)
    {
        builder.ToTable("LabDatasets");
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.Description).HasMaxLength(2000);
        builder.Property(d => d.Contact).HasMaxLength(200);
        builder.Property(d => d.Licence).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(d => d.AgencyId);
        builder.HasIndex(d => d.FileId).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.File).WithMany().HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DatasetDownloadConfiguration : IEntityTypeConfiguration<DatasetDownload>
{
    public void Configure(EntityTypeBuilder<DatasetDownload> builder)
    {
        builder.ToTable("LabDatasetDownloads");
        builder.HasIndex(d => new { d.DatasetId, d.At });
        builder.HasOne<Dataset>().WithMany().HasForeignKey(d => d.DatasetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
