using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Directory;

/// <summary>
/// The Korean words the directory's search knows, the way a morphological analyser's user dictionary does: the words
/// of the materials' and categories' names (바이러스, 제거, 필터, 일회용, 세포배양 …) and of the specification terms. A
/// query word typed without spaces is split into them by the longest match (바이러스필터 → 바이러스 필터); English
/// words of the same names are the candidates when a query finds nothing ("이것을 찾으셨나요?"). ADR 006.
/// </summary>
public sealed class SearchVocabulary
{
    private readonly HashSet<string> _korean;

    public SearchVocabulary(IEnumerable<string> texts)
    {
        var words = texts.SelectMany(t => SearchAnalyzer.QueryWords(t)).ToList();
        _korean = words.Where(SearchAnalyzer.IsKorean).ToHashSet(StringComparer.Ordinal);
        Words = words.Where(w => w.Length >= 2).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every known word, Korean and English, for suggestions.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>
    /// The word as the known words it is made of, when it is not one itself and is wholly made of two or more
    /// (the fewest pieces); otherwise the word alone. Splitting only ever widens a search:
    /// the spaced words are found wherever the unspaced one was.
    /// </summary>
    public IReadOnlyList<string> Split(string word)
    {
        if (word.Length < 2 || _korean.Contains(word))
        {
            return [word];
        }
        // best[i]: the fewest known words that make word[..i], and where the last one starts.
        var best = new (int Count, int From)[word.Length + 1];
        Array.Fill(best, (int.MaxValue, -1));
        best[0] = (0, 0);
        for (var end = 1; end <= word.Length; end++)
        {
            for (var start = 0; start < end; start++)
            {
                if (best[start].Count != int.MaxValue && best[start].Count + 1 < best[end].Count && _korean.Contains(word[start..end]))
                {
                    best[end] = (best[start].Count + 1, start);
                }
            }
        }
        if (best[word.Length].Count is int.MaxValue or < 2)
        {
            return [word];
        }
        var pieces = new List<string>();
        for (var end = word.Length; end > 0; end = best[end].From)
        {
            pieces.Add(word[best[end].From..end]);
        }
        pieces.Reverse();
        return pieces;
    }
}

/// <summary>The vocabulary of the current materials and categories, read again at most once a minute (imports change them rarely).</summary>
public sealed class SearchVocabularySource(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>One reference, swapped whole, so that concurrent searches never read half of an update.</summary>
    private sealed record Read(SearchVocabulary Vocabulary, DateTimeOffset At);

    private volatile Read? _current;

    public async Task<SearchVocabulary> GetAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (_current is { } current && clock.GetUtcNow() - current.At < Lifetime)
        {
            return current.Vocabulary;
        }
        var names = await db.Materials.AsNoTracking()
            .Select(m => new { m.NameKo, m.NameEn, CategoryKo = m.Category.NameKo, CategoryEn = m.Category.NameEn })
            .ToListAsync(cancellationToken);
        var vocabulary = new SearchVocabulary(names.SelectMany(n => new[] { n.NameKo, n.NameEn, n.CategoryKo, n.CategoryEn })
            .Concat(SpecificationTerms.Words));
        _current = new Read(vocabulary, clock.GetUtcNow());
        return vocabulary;
    }
}
