using System.IO.Compression;
using System.Text;

namespace Mirae.Web.Tests.Infrastructure;

/// <summary>Small, real-format files for upload tests (what each format starts with, and the ZIP entries that identify it).</summary>
public static class Files
{
    public static byte[] Pdf(int size = 2048) => Pad("%PDF-1.7\n%âãÏÓ\n"u8.ToArray(), size);

    public static byte[] Png() => Pad([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'], 256);

    public static byte[] Jpeg() => Pad([0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], 256);

    /// <summary>An HWP 5 compound file: the OLE signature, and the FileHeader stream's signature inside.</summary>
    public static byte[] Hwp()
    {
        var bytes = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        "HWP Document File"u8.ToArray().CopyTo(bytes, 1536);
        return bytes;
    }

    /// <summary>A Word 97 compound file: same container as HWP, not an HWP.</summary>
    public static byte[] Doc()
    {
        var bytes = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        "Microsoft Word-Dokument"u8.ToArray().CopyTo(bytes, 1536);
        return bytes;
    }

    public static byte[] Hwpx() => Zip(("mimetype", "application/hwp+zip"), ("Contents/section0.xml", "<hs:sec/>"));

    public static byte[] Docx() => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

    public static byte[] Xlsx() => Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"));

    public static byte[] PlainZip() => Zip(("readme.txt", "hello"));

    /// <summary>A Windows executable's header.</summary>
    public static byte[] Exe() => Pad("MZ"u8.ToArray(), 1024);

    public static byte[] Gif() => Pad("GIF89a"u8.ToArray(), 256);

    private static readonly DateTimeOffset FixedEntryTime = new(2026, 1, 2, 3, 4, 6, TimeSpan.Zero);

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
                entry.LastWriteTime = FixedEntryTime; // the same bytes on every call, so tests can compare downloads
                using var writer = new StreamWriter(entry.Open(), Encoding.ASCII);
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }

    private static byte[] Pad(byte[] head, int size)
    {
        var bytes = new byte[Math.Max(size, head.Length)];
        head.CopyTo(bytes, 0);
        return bytes;
    }
}
