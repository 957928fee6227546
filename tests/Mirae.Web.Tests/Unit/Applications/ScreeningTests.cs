using Mirae.Web.Features.Applications;
using Mirae.Web.Features.Calls;

namespace Mirae.Web.Tests.Unit.Applications;

public sealed class ScreeningTests
{
    [Theory]
    [InlineData("무혈청 배지 국산화", "무혈청 배지 국산화", true)]
    [InlineData("무혈청 배지 국산화", "무혈청배지의 국산화 개발", true)]
    [InlineData("Single-use bag film", "single use BAG film", true)]
    [InlineData("배지 국산화", "필터 국산화", false)] // only the common word: half the pairs
    [InlineData("무혈청 배지 국산화", "바이러스 제거 필터 개발", false)]
    [InlineData("배지 국산화", "", false)]
    [InlineData(null, null, false)]
    public void SameTopic_WhenMostCharacterPairsAreShared_IsTrue(string? one, string? other, bool same)
    {
        Assert.Equal(same, Screening.SameTopic(one, other));
        Assert.Equal(same, Screening.SameTopic(other, one));
    }
}
