using System.Globalization;
using System.Text;

namespace Mirae.Web.Features.Directory;

/// <summary>
/// Turns text into the tokens both search engines index, the way CJK analyzers do (Lucene's CJKAnalyzer):
/// a run of Hangul or Han characters becomes overlapping two-character tokens (바이러스 → 바이 이러 러스) plus its
/// last character alone, so that every syllable starts some token; other words are lower-cased as they are.
/// Two-syllable words (배지, 필터, 마개) are then single exact tokens; longer words are phrases of bigrams.
/// </summary>
public static class SearchAnalyzer
{
    /// <summary>The tokens of <paramref name="text"/> for the index, space-separated.</summary>
    public static string Document(params string?[] texts)
    {
        var builder = new StringBuilder();
        foreach (var word in Words(string.Join(' ', texts.Where(t => !string.IsNullOrWhiteSpace(t)))))
        {
            foreach (var token in IndexTokens(word))
            {
                builder.Append(token).Append(' ');
            }
        }
        return builder.ToString().TrimEnd();
    }

    /// <summary>What one query word must match: a phrase of tokens, and whether its last token is a prefix.</summary>
    public sealed record Term(IReadOnlyList<string> Tokens, bool Prefix);

    /// <summary>The terms of a query; every term must match, in any order. Empty when nothing searchable is left.</summary>
    public static IReadOnlyList<Term> Query(string? query)
    {
        var terms = new List<Term>();
        foreach (var word in Words(query ?? "").Distinct(StringComparer.Ordinal).Take(12))
        {
            if (IsCjk(word[0]))
            {
                terms.Add(word.Length == 1 ? new Term([word], Prefix: true) : new Term(Bigrams(word).ToList(), Prefix: false));
            }
            else
            {
                // Partial English words and codes ("filt", "usp6") match as prefixes.
                terms.Add(new Term([word], Prefix: true));
            }
        }
        return terms;
    }

    /// <summary>The query in SQLite FTS5 syntax: each term a (prefix) phrase, all required.</summary>
    public static string ToFts5(IReadOnlyList<Term> terms) =>
        string.Join(" AND ", terms.Select(t => "\"" + string.Join(' ', t.Tokens) + "\"" + (t.Prefix ? "*" : "")));

    /// <summary>The query in PostgreSQL tsquery syntax: each term a phrase (&lt;-&gt;), all required (&amp;).</summary>
    /// <param name="weight">"A" to match only the name field (see <see cref="ProductSearch"/>), or empty for any field.</param>
    public static string ToTsQuery(IReadOnlyList<Term> terms, string weight = "") =>
        string.Join(" & ", terms.Select(t => "(" + string.Join(" <-> ", t.Tokens.Select((token, i) =>
            "'" + token + "'" + (t.Prefix && i == t.Tokens.Count - 1 ? ":*" + weight : weight.Length > 0 ? ":" + weight : ""))) + ")"));

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

    private static IEnumerable<string> IndexTokens(string word)
    {
        if (!IsCjk(word[0]))
        {
            yield return word;
            yield break;
        }
        foreach (var bigram in Bigrams(word))
        {
            yield return bigram;
        }
        if (word.Length > 1)
        {
            yield return word[^1..];
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
