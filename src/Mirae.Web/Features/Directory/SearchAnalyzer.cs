using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Mirae.Web.Features.Directory;

/// <summary>
/// Turns text into the tokens both search engines index, the way CJK analyzers do (Lucene's CJKAnalyzer):
/// a run of Hangul or Han characters becomes overlapping two-character tokens (바이러스 → 바이 이러 러스) plus its
/// last character alone; other words are lower-cased as they are. After all of those, the document also lists
/// every one-syllable and three- to <see cref="LongestToken"/>-syllable piece of each run once (바 이 러 스 바이러
/// 이러스 바이러스), so that a Korean query word of up to four syllables is one exact token, which both engines
/// answer from the index alone; only longer words are phrases of bigrams (ADR 006).
/// </summary>
public static class SearchAnalyzer
{
    /// <summary>The longest Korean query word that is a single token; longer words are phrases of bigrams.</summary>
    public const int LongestToken = 4;

    /// <summary>The tokens of <paramref name="texts"/> for the index, space-separated.</summary>
    public static string Document(params string?[] texts)
    {
        var sequence = new List<string>();
        var pieces = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(string.Join(' ', texts.Where(t => !string.IsNullOrWhiteSpace(t)))))
        {
            if (!IsCjk(word[0]))
            {
                sequence.Add(word);
                continue;
            }
            // The bigrams stay next to each other, so that phrases of bigrams match; the pieces go after everything.
            sequence.AddRange(Bigrams(word));
            if (word.Length > 1)
            {
                sequence.Add(word[^1..]);
            }
            pieces.AddRange(Pieces(word).Where(seen.Add));
        }
        return string.Join(' ', sequence.Concat(pieces));
    }

    /// <summary>What one query word must match: a phrase of tokens, and whether its last token is a prefix.</summary>
    public sealed record Term(IReadOnlyList<string> Tokens, bool Prefix);

    /// <summary>
    /// The terms of a query; every term must match, in any order. Empty when nothing searchable is left. A Korean word
    /// typed without its spaces is split into the words of <paramref name="vocabulary"/> it is made of (바이러스필터 →
    /// 바이러스 필터); an English word is reduced to its stem (sterile, sterilized → steril; filters → filter) and matches
    /// as a prefix, as partial words and codes do ("filt", "usp6").
    /// </summary>
    public static IReadOnlyList<Term> Query(string? query, SearchVocabulary? vocabulary = null)
    {
        var terms = new List<Term>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var typed in Words(query ?? "").Take(12))
        {
            foreach (var word in IsCjk(typed[0]) ? vocabulary?.Split(typed) ?? [typed] : [Stem(typed)])
            {
                if (!seen.Add(word))
                {
                    continue;
                }
                terms.Add(IsCjk(word[0])
                    ? new Term(word.Length <= LongestToken ? [word] : Bigrams(word).ToList(), Prefix: false)
                    : new Term([word], Prefix: true));
            }
        }
        return terms;
    }

    /// <summary>The words of a query as the analyzer reads them (lower-cased runs of letters and digits), for suggestions.</summary>
    public static IReadOnlyList<string> QueryWords(string? query) => Words(query ?? "").Take(12).ToList();

    /// <summary>Whether the word is Korean (or Han): split by the vocabulary rather than stemmed.</summary>
    public static bool IsKorean(string word) => word.Length > 0 && IsCjk(word[0]);

    /// <summary>
    /// An English word's Snowball (Porter2) stem, kept only as far as it is a prefix of the word: the index holds whole
    /// words and the query matches stems as prefixes, so "tubing" (stem "tube") searches "tub…" rather than "tube…".
    /// Codes and words with digits, and words of three letters or fewer, stay as typed.
    /// </summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !word.All(char.IsAsciiLetterLower))
        {
            return word;
        }
        var stemmer = Stemmer.Value!;
        stemmer.SetCurrent(word);
        stemmer.Stem();
        var stem = stemmer.Current;
        var common = 0;
        while (common < stem.Length && common < word.Length && stem[common] == word[common])
        {
            common++;
        }
        return common >= 3 ? word[..common] : word;
    }

    private static readonly ThreadLocal<Lucene.Net.Tartarus.Snowball.Ext.EnglishStemmer> Stemmer = new(() => new());

    /// <summary>
    /// Whether <paramref name="tokens"/> (a document's, as <see cref="Tokens"/> gives them) hold every term as the engines
    /// match them: its tokens in a row, the last one as a prefix where the term says so. For a handful of short texts only
    /// (the materials); products are always matched by the engines.
    /// </summary>
    public static bool Matches(IReadOnlyList<string> tokens, IReadOnlyList<Term> terms)
    {
        // Plain loops: this runs for every material on every search, and closures per position made it the main
        // source of a search's garbage, whose collections then showed in the slowest requests.
        if (terms.Count == 0)
        {
            return false;
        }
        foreach (var term in terms)
        {
            if (!Holds(tokens, term))
            {
                return false;
            }
        }
        return true;
    }

    private static bool Holds(IReadOnlyList<string> tokens, Term term)
    {
        var last = term.Tokens.Count - 1;
        for (var start = 0; start + last < tokens.Count; start++)
        {
            var i = 0;
            while (i <= last && (term.Prefix && i == last
                       ? tokens[start + i].StartsWith(term.Tokens[i], StringComparison.Ordinal)
                       : string.Equals(tokens[start + i], term.Tokens[i], StringComparison.Ordinal)))
            {
                i++;
            }
            if (i > last)
            {
                return true;
            }
        }
        return false;
    }

    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> RememberedTokens = new(StringComparer.Ordinal);

    /// <summary>
    /// The tokens of <paramref name="texts"/> as <see cref="Document"/> writes them, remembered by text: the materials'
    /// few dozen texts are matched on every search, and analyzing them each time cost more than the query that loads them.
    /// A renamed material is simply a new text; the memory is emptied should it ever hold many.
    /// </summary>
    public static IReadOnlyList<string> Tokens(params string?[] texts)
    {
        var key = string.Join('\u001F', texts);
        if (RememberedTokens.TryGetValue(key, out var tokens))
        {
            return tokens;
        }
        if (RememberedTokens.Count >= 10_000)
        {
            RememberedTokens.Clear();
        }
        // Read-only: every search shares these.
        return RememberedTokens[key] = Array.AsReadOnly(Document(texts).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The query in SQLite FTS5 syntax: each term a (prefix) phrase, all required.</summary>
    public static string ToFts5(IReadOnlyList<Term> terms) =>
        string.Join(" AND ", terms.Select(t => "\"" + string.Join(' ', t.Tokens) + "\"" + (t.Prefix ? "*" : "")));

    /// <summary>The query in PostgreSQL tsquery syntax: each term a (prefix) phrase (&lt;-&gt;), all required (&amp;).</summary>
    public static string ToTsQuery(IReadOnlyList<Term> terms) =>
        string.Join(" & ", terms.Select(t => "(" + string.Join(" <-> ", t.Tokens.Select((token, i) =>
            "'" + token + "'" + (t.Prefix && i == t.Tokens.Count - 1 ? ":*" : ""))) + ")"));

    /// <summary>Runs of letters and digits, lower-cased; a change between CJK and other script splits a run.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var word = new StringBuilder();
        bool? cjk = null;
        foreach (var c in normalized)
        {
            if (!char.IsLetterOrDigit(c))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }
                cjk = null;
                continue;
            }
            var isCjk = IsCjk(c);
            if (cjk is bool previous && previous != isCjk && word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
            word.Append(c);
            cjk = isCjk;
        }
        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary>The one-syllable and three- to four-syllable substrings of a Korean run (its bigrams are in the sequence).</summary>
    private static IEnumerable<string> Pieces(string word)
    {
        foreach (var length in (int[])[1, .. Enumerable.Range(3, LongestToken - 2)])
        {
            for (var i = 0; i + length <= word.Length; i++)
            {
                yield return word.Substring(i, length);
            }
        }
    }

    private static IEnumerable<string> Bigrams(string word)
    {
        if (word.Length == 1)
        {
            yield return word;
            yield break;
        }
        for (var i = 0; i < word.Length - 1; i++)
        {
            yield return word.Substring(i, 2);
        }
    }

    private static bool IsCjk(char c) =>
        c is >= '\uAC00' and <= '\uD7A3' // Hangul syllables
            or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F' // Hangul jamo
            or >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF'; // Han
}
