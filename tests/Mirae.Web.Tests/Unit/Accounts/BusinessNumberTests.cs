using Mirae.Web.Features.Accounts;

namespace Mirae.Web.Tests.Unit.Accounts;

public sealed class BusinessNumberTests
{
    [Theory]
    [InlineData("124-81-00998", "1248100998")]
    [InlineData("1248100998", "1248100998")]
    [InlineData("220 81 62517", "2208162517")]
    [InlineData("120-81-47521", "1208147521")]
    public void TryParse_WhenCheckDigitMatches_AcceptsAndNormalizes(string text, string digits)
    {
        Assert.True(BusinessNumber.TryParse(text, out var number));
        Assert.Equal(digits, number.Value.Digits);
        Assert.Equal($"{digits[..3]}-{digits[3..5]}-{digits[5..]}", number.Value.ToString());
    }

    [Theory]
    [InlineData("124-81-00999")]
    [InlineData("124-81-0099")]
    [InlineData("124-81-009981")]
    [InlineData("12a-81-00998")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_WhenFormatOrCheckDigitIsWrong_Refuses(string? text)
    {
        Assert.False(BusinessNumber.TryParse(text, out var number));
        Assert.Null(number);
    }

    [Fact]
    public void TryParse_ForEveryNinePrefix_AcceptsExactlyOneCheckDigit()
    {
        var random = new Random(20261122);
        for (var i = 0; i < 200; i++)
        {
            var prefix = random.Next(0, 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            var valid = Enumerable.Range(0, 10).Count(d => BusinessNumber.TryParse(prefix + d, out _));
            Assert.Equal(1, valid);
        }
    }
}
