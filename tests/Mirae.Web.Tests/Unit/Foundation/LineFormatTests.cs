using System.Globalization;
using Mirae.Web.Features.Calls;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Tests.Unit.Foundation;

public sealed class LineFormatTests
{
    private sealed record Pair(string Key, int Value);

    private static LineFormat.Result<Pair> Pairs(string text) =>
        LineFormat.Parse(text, line => line.Count == 2 && int.TryParse(line[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? new Pair(line[0], n) : null);

    [Fact]
    public void Parse_WhenEveryLineReads_ReturnsTheItemsInOrder_SkippingBlankLines()
    {
        var result = Pairs("a | 1\r\n\n   \n b|2 \n");

        Assert.True(result.Succeeded);
        Assert.Equal([new Pair("a", 1), new Pair("b", 2)], result.Items);
    }

    [Theory]
    [InlineData("a | 1\nb | x\nc | 3", 2)]
    [InlineData("\n\na | 1 | 2", 3)]
    [InlineData("a | 1\n\n\nno separator", 4)]
    public void Parse_WhenALineDoesNotRead_NamesItsNumberInTheText(string text, int badLine) =>
        Assert.Equal(badLine, Pairs(text).BadLine);

    [Fact]
    public void Read_WithACellLimit_KeepsTheSeparatorInTheLastCell()
    {
        var line = Assert.Single(LineFormat.Read("note = a=b", '=', cells: 2));

        Assert.Equal(["note", "a=b"], line.Cells);
        Assert.Equal("", line[5]);
    }

    [Fact]
    public void ApplicationForm_ReportsTheLineNumberCountingBlankLines()
    {
        var (_, error) = ApplicationForm.Parse("title | text | 과제명 | Title | required | 100\n\nbroken line");

        Assert.Equal((3, "Form.LineInvalid"), error);
    }
}
