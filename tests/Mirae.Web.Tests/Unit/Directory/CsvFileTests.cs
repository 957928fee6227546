using System.Text;
using Mirae.Web.Features.Directory;

namespace Mirae.Web.Tests.Unit.Directory;

public sealed class CsvFileTests
{
    private static Task<CsvFile> Read(string text) => CsvFile.ReadAsync(new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray()));

    [Fact]
    public async Task Read_HandlesQuotesEscapesLineBreaksAndTheBom()
    {
        var csv = await Read("b,a\r\n\"x, \"\"y\"\"\",1\n\"two\nlines\",2\n\nlast,3");

        Assert.Equal(["b", "a"], csv.Header);
        Assert.Empty(csv.Problems);
        Assert.Equal([2, 3, 6], csv.Rows.Select(r => r.Line));
        Assert.Equal("x, \"y\"", csv.Rows[0].Get("b"));
        Assert.Equal("two\nlines", csv.Rows[1].Get("b"));
        Assert.Equal("3", csv.Rows[2].Get("a"));
        Assert.Null(csv.Rows[2].Optional("missing"));
    }

    [Fact]
    public async Task Read_ReportsWrongFieldCountsAndOpenQuotes_WithTheirLine()
    {
        var csv = await Read("a,b\n1\n2,2\n\"open,3\n");

        Assert.Equal([(2, "expected 2 fields, found 1"), (4, "a quoted field is not closed")], csv.Problems);
        Assert.Single(csv.Rows);
    }
}
