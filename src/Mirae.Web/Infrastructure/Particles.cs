using System.Text.RegularExpressions;

namespace Mirae.Web.Infrastructure;

/// <summary>
/// Korean particles that follow the noun before them: a text written with both forms ("{0}을(를) 입력해 주세요",
/// "{0}(으)로") gets the one the noun's last sound takes ("제품 코드를", "60,000,000원으로", "서울로"). Digits and Latin
/// letters count as they are read ("ISO9001을" — 일; "USP를" — 피; "tool로"). Closing quotes and brackets between the
/// noun and the particle are skipped. A noun whose last sound cannot be told (a symbol) keeps both forms.
/// </summary>
public static partial class Particles
{
    [GeneratedRegex(@"을\(를\)|를\(을\)|이\(가\)|가\(이\)|은\(는\)|는\(은\)|과\(와\)|와\(과\)|\(으\)로|\(이\)라|\(이\)나")]
    private static partial Regex Marker();

    private const string Closers = "'\"’”」』)]>";

    public static string Fix(string text) =>
        !text.Contains('(', StringComparison.Ordinal) ? text : Marker().Replace(text, m => Choose(m.Value, LastSound(text, m.Index)));

    private static string Choose(string marker, (bool Final, bool Rieul)? sound) => sound is not { } s ? marker : marker switch
    {
        "을(를)" or "를(을)" => s.Final ? "을" : "를",
        "이(가)" or "가(이)" => s.Final ? "이" : "가",
        "은(는)" or "는(은)" => s.Final ? "은" : "는",
        "과(와)" or "와(과)" => s.Final ? "과" : "와",
        "(으)로" => s.Final && !s.Rieul ? "으로" : "로",
        "(이)라" => s.Final ? "이라" : "라",
        _ => s.Final ? "이나" : "나",
    };

    /// <summary>Whether the sound before <paramref name="index"/> ends in a consonant, and whether that is ㄹ; null when it cannot be told.</summary>
    private static (bool Final, bool Rieul)? LastSound(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && Closers.Contains(text[i], StringComparison.Ordinal))
        {
            i--;
        }
        if (i < 0)
        {
            return null;
        }
        var c = text[i];
        if (c is >= '가' and <= '힣')
        {
            var final = (c - '가') % 28;
            return (final != 0, final == 8);
        }
        if (char.IsAsciiDigit(c))
        {
            // 영/십/백/천/만, 일, 이, 삼, 사, 오, 육, 칠, 팔, 구
            return c switch { '1' or '7' or '8' => (true, true), '0' or '3' or '6' => (true, false), _ => (false, false) };
        }
        if (char.IsAsciiLetter(c))
        {
            var start = i;
            while (start > 0 && char.IsAsciiLetter(text[start - 1]))
            {
                start--;
            }
            var word = text[start..(i + 1)];
            if (word.Length == 1 || word.All(char.IsAsciiLetterUpper))
            {
                // Read letter by letter: 엘, 알 end in ㄹ; 엠, 엔 in another consonant; the rest in a vowel.
                return char.ToUpperInvariant(c) switch { 'L' or 'R' => (true, true), 'M' or 'N' => (true, false), _ => (false, false) };
            }
            return char.ToLowerInvariant(c) switch
            {
                'l' => (true, true),
                'e' when word.EndsWith("le", StringComparison.OrdinalIgnoreCase) => (true, true), // title 타이틀, table 테이블
                'm' or 'n' or 'k' or 'p' or 't' or 'b' => (true, false),
                'g' when word.EndsWith("ng", StringComparison.OrdinalIgnoreCase) => (true, false),
                _ => (false, false),
            };
        }
        return null;
    }
}
