using Mirae.Web.Features.Directory;

namespace Mirae.Web.Tests.Unit.Directory;

public sealed class SearchAnalyzerTests
{
    [Fact]
    public void Document_SplitsKoreanIntoBigramsPlusLastSyllable_ThenListsTheOtherPieces_AndKeepsOtherWords()
    {
        Assert.Equal("바이 이러 러스 스 제거 거 필터 터 pvdf 0 2 바 이 러 스 바이러 이러스 바이러스 제 거 필 터",
            SearchAnalyzer.Document("바이러스 제거 필터 PVDF 0.2"));
        Assert.Equal("cho 세포 포 세 포", SearchAnalyzer.Document("CHO세포"));
        Assert.Equal("배지 지 배 지", SearchAnalyzer.Document(null, "", "배지"));
        Assert.Equal("백 백", SearchAnalyzer.Document("백"));
    }

    [Fact]
    public void Query_MakesKoreanWordsOfUpToFourSyllablesOneToken_LongerOnesPhrases_AndOtherWordsPrefixes()
    {
        var terms = SearchAnalyzer.Query("바이러스 filt 균 바이오프로세스");

        Assert.Equal("\"바이러스\" AND \"filt\"* AND \"균\" AND \"바이 이오 오프 프로 로세 세스\"", SearchAnalyzer.ToFts5(terms));
        Assert.Equal("('바이러스') & ('filt':*) & ('균') & ('바이' <-> '이오' <-> '오프' <-> '프로' <-> '로세' <-> '세스')",
            SearchAnalyzer.ToTsQuery(terms));
    }

    [Theory]
    [InlineData("바이러스필터", "바이러스|필터")]
    [InlineData("일회용백", "일회용|백")]
    [InlineData("세포배양배지", "세포배양|배지")]
    [InlineData("세포배양", "세포배양")] // a known word stays whole
    [InlineData("청라세포배양", "청라세포배양")] // not wholly made of known words: as typed (a phrase of its bigrams)
    [InlineData("바이오프로세스백", "바이오프로세스|백")]
    public void Vocabulary_SplitsAWordTypedWithoutSpaces_IntoTheKnownWordsItIsMadeOf(string typed, string pieces)
    {
        var vocabulary = new SearchVocabulary(["바이러스 제거 필터", "일회용 백·용기", "세포배양 백", "CHO 세포배양 배지", "2D 바이오프로세스 백"]);

        Assert.Equal(pieces.Split('|'), vocabulary.Split(typed));
    }

    [Theory]
    [InlineData("sterile", "steril")]
    [InlineData("sterilization", "steril")]
    [InlineData("filters", "filter")]
    [InlineData("tubing", "tub")] // Porter2 says "tube"; only the part that is a prefix of the word is kept
    [InlineData("bag", "bag")]
    [InlineData("usp665", "usp665")]
    public void EnglishWords_AreReducedToTheStemTheyBeginWith(string word, string stem) => Assert.Equal(stem, SearchAnalyzer.Stem(word));

    [Theory]
    [InlineData("바이러스", true)]
    [InlineData("바이러스 필터", true)]
    [InlineData("필터 바이러스", true)]
    [InlineData("이러", true)]
    [InlineData("바이러스제거필터", false)] // a phrase across words, which the engines do not match either
    [InlineData("virus filt", true)]
    [InlineData("irus", false)] // English words match from their start only
    [InlineData("virus 마개", false)]
    [InlineData("", false)]
    public void Matches_AsTheEnginesDo(string query, bool matches) =>
        Assert.Equal(matches, SearchAnalyzer.Matches(SearchAnalyzer.Tokens("FIL-VIR", "바이러스 제거 필터", "Virus removal filter"), SearchAnalyzer.Query(query)));

    [Theory]
    [InlineData("세포배양배지", true)] // a phrase of bigrams, in a row
    [InlineData("동물세포배양배지", true)]
    [InlineData("배양배지세포", false)] // the same bigrams out of order
    [InlineData("세포배양배지용", false)]
    [InlineData("media", true)]
    [InlineData("cell med", true)]
    public void Matches_LongKoreanWordsAsPhrases_AsTheEnginesDo(string query, bool matches) =>
        Assert.Equal(matches, SearchAnalyzer.Matches(SearchAnalyzer.Tokens("MED-CCM", "동물세포배양배지", "Cell culture media"), SearchAnalyzer.Query(query)));

    [Fact]
    public void Tokens_AreTheDocumentsTokens_AndRememberedByText()
    {
        var tokens = SearchAnalyzer.Tokens("FIL-VIR", "바이러스 제거 필터", null);

        Assert.Equal(SearchAnalyzer.Document("FIL-VIR", "바이러스 제거 필터").Split(' '), tokens);
        Assert.Same(tokens, SearchAnalyzer.Tokens("FIL-VIR", "바이러스 제거 필터", null));
        Assert.NotSame(tokens, SearchAnalyzer.Tokens("FIL-VIR", "바이러스 제거 필터 카트리지", null));
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
