using Mirae.Web.Features.Directory;

namespace Mirae.Web.Tests.Unit.Directory;

public sealed class SearchAnalyzerTests
{
    [Fact]
    public void Document_SplitsKoreanIntoBigramsPlusLastSyllable_AndKeepsOtherWords()
    {
        Assert.Equal("바이 이러 러스 스 제거 거 필터 터 pvdf 0 2", SearchAnalyzer.Document("바이러스 제거 필터 PVDF 0.2"));
        Assert.Equal("cho 세포 포", SearchAnalyzer.Document("CHO세포"));
        Assert.Equal("배지 지", SearchAnalyzer.Document(null, "", "배지"));
    }

    [Fact]
    public void Query_MakesPhrasesOfKoreanWords_AndPrefixesOfOthers()
    {
        var terms = SearchAnalyzer.Query("바이러스 filt 균");

        Assert.Equal("\"바이 이러 러스\" AND \"filt\"* AND \"균\"*", SearchAnalyzer.ToFts5(terms));
        Assert.Equal("('바이' <-> '이러' <-> '러스') & ('filt':*) & ('균':*)", SearchAnalyzer.ToTsQuery(terms));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"'&|!<>():*")]
    public void Query_WithNothingSearchable_IsEmpty(string query) => Assert.Empty(SearchAnalyzer.Query(query));

    [Fact]
    public void Query_NeverLetsEngineSyntaxThrough()
    {
        var terms = SearchAnalyzer.Query("filter\" OR 1=1; DROP TABLE x -- 'a' & b:*");

        Assert.All(terms.SelectMany(t => t.Tokens), token => Assert.True(token.All(char.IsLetterOrDigit), token));
    }
}
