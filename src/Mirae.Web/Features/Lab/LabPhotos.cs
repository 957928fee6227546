using ImageMagick;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>
/// A problem's photos: JPEG or PNG by content, at most <see cref="MaxBytes"/> each and <see cref="MaxCount"/> a problem,
/// decoded and written again as JPEG by ImageMagick (Magick.NET) with every profile stripped — EXIF with its GPS position
/// and camera, XMP, IPTC, comments — after turning the pixels the way the EXIF orientation said. Only the decoder the
/// content was recognised as is used, and the image size is limited before decoding.
/// </summary>
public static class LabPhotos
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxCount = 3;
    public const uint MaxSide = 2000;
    public static readonly IReadOnlyCollection<FileType> Types = [FileType.Jpeg, FileType.Png];

    static LabPhotos()
    {
        ResourceLimits.Width = 12_000;
        ResourceLimits.Height = 12_000;
        ResourceLimits.Area = 80_000_000;
    }

    public sealed record Upload(Stream Content, long Length, string FileName);

    /// <summary>The photo as it is stored: re-encoded, without metadata, named after the original with .jpg.</summary>
    public static async Task<StoredFile> ReadAsync(Upload upload, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var accepted = await FileTypes.ReadAsync(upload.Content, upload.Length, upload.FileName, Types, MaxBytes, cancellationToken);
        byte[] clean;
        try
        {
            clean = Reencode(accepted);
        }
        catch (MagickException)
        {
            throw new DomainException("upload.unreadable-image", "Lab.PhotoUnreadable", ProblemKind.UnsupportedType, arguments: [FileTypes.SafeName(upload.FileName)]);
        }
        var name = Path.GetFileNameWithoutExtension(FileTypes.SafeName(upload.FileName)) + ".jpg";
        return StoredFile.Create(name, new FileTypes.Accepted(FileType.Jpeg, clean), now);
    }

    public static byte[] Reencode(FileTypes.Accepted photo)
    {
        var settings = new MagickReadSettings { Format = photo.Type == FileType.Png ? MagickFormat.Png : MagickFormat.Jpeg };
        using var image = new MagickImage(photo.Content, settings);
        image.AutoOrient();
        image.Strip();
        if (image.Width > MaxSide || image.Height > MaxSide)
        {
            image.Resize(new MagickGeometry(MaxSide, MaxSide));
        }
        image.BackgroundColor = MagickColors.White;
        image.Format = MagickFormat.Jpeg;
        image.Quality = 85;
        return image.ToByteArray();
    }
}
