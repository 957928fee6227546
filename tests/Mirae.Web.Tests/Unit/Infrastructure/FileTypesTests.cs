using Mirae.Web.Infrastructure;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Unit.Infrastructure;

public sealed class FileTypesTests
{
    public static TheoryData<string, byte[], FileType?> Contents => new()
    {
        { "pdf", Files.Pdf(), FileType.Pdf },
        { "png", Files.Png(), FileType.Png },
        { "jpeg", Files.Jpeg(), FileType.Jpeg },
        { "hwp", Files.Hwp(), FileType.Hwp },
        { "hwpx", Files.Hwpx(), FileType.Hwpx },
        { "docx", Files.Docx(), FileType.Docx },
        { "xlsx", Files.Xlsx(), FileType.Xlsx },
        { "word 97 (compound file, not hwp)", Files.Doc(), null },
        { "plain zip", Files.PlainZip(), null },
        { "exe", Files.Exe(), null },
        { "gif", Files.Gif(), null },
        { "truncated zip", Files.Docx()[..40], null },
        { "empty", [], null },
    };

    [Theory, MemberData(nameof(Contents))]
    public void Detect_RecognisesTheFormatByContentOnly(string what, byte[] content, FileType? expected) =>
        Assert.True(expected == FileTypes.Detect(content), what);

    [Theory]
    [InlineData("report.pdf", FileType.Pdf)]
    [InlineData("REPORT.PDF", FileType.Pdf)]
    [InlineData("photo.jpeg", FileType.Jpeg)]
    [InlineData("photo.JPG", FileType.Jpeg)]
    [InlineData("양식.hwpx", FileType.Hwpx)]
    public async Task ReadAsync_WhenNameAndContentAgree_Accepts(string name, FileType type)
    {
        var content = type switch { FileType.Pdf => Files.Pdf(), FileType.Jpeg => Files.Jpeg(), _ => Files.Hwpx() };

        var accepted = await FileTypes.ReadAsync(new MemoryStream(content), content.Length, name, [FileType.Pdf, FileType.Jpeg, FileType.Hwpx], 1 << 20,
            CancellationToken.None);

        Assert.Equal(type, accepted.Type);
        Assert.Equal(content, accepted.Content);
    }

    [Theory]
    [InlineData("coa.pdf", "png", "upload.disguised")]
    [InlineData("coa.pdf", "exe", "upload.type-not-allowed")]
    [InlineData("table.docx", "docx", "upload.type-not-allowed")]
    [InlineData("coa.pdf", "empty", "upload.empty")]
    [InlineData("coa.pdf", "large", "upload.too-large")]
    public async Task ReadAsync_WhenTheFileIsWrong_RefusesWithAStableCode(string name, string content, string code)
    {
        var bytes = content switch
        {
            "png" => Files.Png(), "exe" => Files.Exe(), "docx" => Files.Docx(), "empty" => [], _ => Files.Pdf(1025),
        };

        var error = await Assert.ThrowsAsync<DomainException>(() => FileTypes.ReadAsync(new MemoryStream(bytes), bytes.Length, name,
            [FileType.Pdf, FileType.Png], 1024, CancellationToken.None));

        Assert.Equal(code, error.Code);
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\kim\\시험성적서.pdf", "시험성적서.pdf")]
    [InlineData("a\"b<c>|d?.pdf", "abcd.pdf")]
    [InlineData("", "file")]
    public void SafeName_KeepsOnlyAHarmlessFileName(string name, string expected) => Assert.Equal(expected, FileTypes.SafeName(name));

    [Fact]
    public void SafeName_ShortensLongNamesKeepingTheExtension()
    {
        var name = FileTypes.SafeName(new string('가', 300) + ".pdf");

        Assert.Equal(200, name.Length);
        Assert.EndsWith(".pdf", name);
    }
}
