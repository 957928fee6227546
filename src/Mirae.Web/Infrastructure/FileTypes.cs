using System.IO.Compression;
using System.Text;

namespace Mirae.Web.Infrastructure;

/// <summary>The attachment formats Mirae accepts somewhere; each feature allows a subset.</summary>
public enum FileType
{
    Pdf,
    Hwp,
    Hwpx,
    Docx,
    Xlsx,
    Png,
    Jpeg,
}

/// <summary>
/// Recognises a file by its content (magic bytes, and for the ZIP-based formats the entries inside),
/// never by its name or the type the browser declared; a name whose extension disagrees with the
/// content is refused as disguised.
/// </summary>
public static class FileTypes
{
    public sealed record Accepted(FileType Type, byte[] Content);

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] CompoundFileMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    // HWP 5 keeps its "FileHeader" stream uncompressed inside the compound file, starting with this signature.
    private static readonly byte[] HwpSignature = "HWP Document File"u8.ToArray();

    public static string Extension(FileType type) => type switch
    {
        FileType.Jpeg => ".jpg",
        _ => "." + type.ToString().ToLowerInvariant(),
    };

    public static string ContentType(FileType type) => type switch
    {
        FileType.Pdf => "application/pdf",
        FileType.Hwp => "application/x-hwp",
        FileType.Hwpx => "application/hwp+zip",
        FileType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileType.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileType.Png => "image/png",
        FileType.Jpeg => "image/jpeg",
        _ => "application/octet-stream",
    };

    /// <summary>What the content is, or null when it is none of the known formats.</summary>
    public static FileType? Detect(byte[] content)
    {
        var span = content.AsSpan();
        if (span.StartsWith(PdfMagic))
        {
            return FileType.Pdf;
        }
        if (span.StartsWith(PngMagic))
        {
            return FileType.Png;
        }
        if (span.StartsWith(JpegMagic))
        {
            return FileType.Jpeg;
        }
        if (span.StartsWith(CompoundFileMagic))
        {
            return span.IndexOf(HwpSignature) >= 0 ? FileType.Hwp : null;
        }
        return span.StartsWith(ZipMagic) ? DetectZip(content) : null;
    }

    private static FileType? DetectZip(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("mimetype") is { Length: < 100 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                if (reader.ReadToEnd().Trim() == "application/hwp+zip")
                {
                    return FileType.Hwpx;
                }
            }
            return zip.GetEntry("word/document.xml") is not null ? FileType.Docx
                : zip.GetEntry("xl/workbook.xml") is not null ? FileType.Xlsx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads and checks an upload: not empty, at most <paramref name="maxBytes"/>, one of <paramref name="allowed"/> by
    /// content, and named with that type's extension. Failures throw a <see cref="DomainException"/> whose message shows
    /// the file name and the limit.
    /// </summary>
    public static async Task<Accepted> ReadAsync(Stream stream, long length, string fileName, IReadOnlyCollection<FileType> allowed, long maxBytes,
        CancellationToken cancellationToken)
    {
        if (length == 0)
        {
            throw new DomainException("upload.empty", "Upload.Empty", ProblemKind.Invalid, arguments: [SafeName(fileName), maxBytes / 1024 / 1024]);
        }
        if (length > maxBytes)
        {
            throw new DomainException("upload.too-large", "Upload.TooLarge", ProblemKind.TooLarge, arguments: [SafeName(fileName), maxBytes / 1024 / 1024]);
        }
        var content = new byte[length];
        await stream.ReadExactlyAsync(content, cancellationToken);
        if (Detect(content) is not { } type || !allowed.Contains(type))
        {
            throw new DomainException("upload.type-not-allowed", "Upload.TypeNotAllowed", ProblemKind.UnsupportedType, arguments: [SafeName(fileName), maxBytes / 1024 / 1024]);
        }
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension != Extension(type) && !(type == FileType.Jpeg && extension == ".jpeg"))
        {
            throw new DomainException("upload.disguised", "Upload.Disguised", ProblemKind.UnsupportedType, arguments: [SafeName(fileName), maxBytes / 1024 / 1024]);
        }
        return new Accepted(type, content);
    }

    /// <summary>The name without any path, control or reserved characters, at most 200 characters (keeping the extension).</summary>
    public static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var cleaned = new string(name.Where(c => !char.IsControl(c) && !Names.IsBidiControl(c) && c is not ('"' or '/' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim();
        if (cleaned.Length <= 200)
        {
            return cleaned.Length == 0 ? "file" : cleaned;
        }
        var extension = Path.GetExtension(cleaned) is { Length: <= 10 } kept ? kept : "";
        return cleaned[..(200 - extension.Length)] + extension;
    }
}
