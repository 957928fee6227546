using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mirae.Web.Infrastructure;

/// <summary>
/// An uploaded file, kept in the database so that every web instance serves the same files and a file
/// commits (or not) with the record that refers to it. The bytes live in their own table
/// (<see cref="StoredFileContent"/>), so loading a file's metadata never reads them.
/// </summary>
public sealed class StoredFile
{
    public Guid Id { get; private set; }
    public string FileName { get; private set; } = "";
    public FileType Type { get; private set; }
    public long Length { get; private set; }
    /// <summary>Lower-case hex SHA-256 of the content, shown so that a downloaded copy can be checked.</summary>
    public string Sha256 { get; private set; } = "";
    public StoredFileContent Content { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private set; }

    private StoredFile()
    {
    }

    public static StoredFile Create(string fileName, FileTypes.Accepted file, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        FileName = FileTypes.SafeName(fileName),
        Type = file.Type,
        Length = file.Content.LongLength,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content)),
        Content = new StoredFileContent(file.Content),
        CreatedAt = now,
    };
}

public sealed class StoredFileContent
{
    public Guid FileId { get; private set; }
    public byte[] Bytes { get; private set; }

    internal StoredFileContent(byte[] bytes) => Bytes = bytes;
}

public sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.Property(f => f.FileName).HasMaxLength(200);
        builder.Property(f => f.Type).HasConversion<string>().HasMaxLength(10);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.HasOne(f => f.Content).WithOne().HasForeignKey<StoredFileContent>(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StoredFileContentConfiguration : IEntityTypeConfiguration<StoredFileContent>
{
    public void Configure(EntityTypeBuilder<StoredFileContent> builder)
    {
        builder.ToTable("StoredFileContents");
        builder.HasKey(c => c.FileId);
    }
}
