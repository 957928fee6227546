using System.Globalization;
using System.Text.RegularExpressions;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>The kinds of personal data a post must not carry.</summary>
public enum PersonalDataKind
{
    Phone,
    ResidentNumber,
    Email,
    CarPlate,
}

/// <summary>
/// Finds personal data in text before it is saved: Korean phone numbers (mobile with or without separators, +82, area
/// codes with separators), resident registration numbers (with or without the hyphen, a real date and a valid 7th digit),
/// e-mail addresses and car plates. It errs on the side of asking: a post that looks like it carries one is refused with
/// what was found (masked), and the author removes it.
/// </summary>
public static partial class PersonalDataCheck
{
    public sealed record Finding(PersonalDataKind Kind, string Masked);

    // Digits that are not part of a longer run of digits (or of a word), so a 20-digit number is not "a phone number inside".
    [GeneratedRegex(@"(?<![\d\w])(?:\+82[\s.-]?0?1[016789]|01[016789])[\s.-]?\d{3,4}[\s.-]?\d{4}(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<![\d\w+])(?:0(?:2|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70))[\s.)-]+\d{3,4}[\s.-]+\d{4}(?!\d)|(?<![\d\w])\+82[\s.-]?(?:2|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70)[\s.-]?\d{3,4}[\s.-]?\d{4}(?!\d)")]
    private static partial Regex Landline();

    [GeneratedRegex(@"(?<!\d)(\d{2})(\d{2})(\d{2})\s?-?\s?([1-8])(\d{6})(?!\d)")]
    private static partial Regex ResidentNumber();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+\s?(?:@|＠|\(at\)|\[at\])\s?[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex Email();

    // 12가3456, 123가 4567, 서울12가3456: the syllables plates use (가…하, 허·호·배, and the commercial 아바사자).
    [GeneratedRegex(@"(?<![\d])(?:(?:서울|부산|대구|인천|광주|대전|울산|경기|강원|충북|충남|전북|전남|경북|경남|제주|세종)\s?)?\d{2,3}\s?[가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주아바사자배하허호]\s?\d{4}(?!\d)")]
    private static partial Regex CarPlate();

    public static IReadOnlyList<Finding> Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        var findings = new List<Finding>();
        var normalized = text.Normalize(System.Text.NormalizationForm.FormKC); // full-width digits and ＠ read as their plain forms
        foreach (Match match in ResidentNumber().Matches(normalized))
        {
            if (IsDate(match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value, match.Groups[4].Value))
            {
                findings.Add(new(PersonalDataKind.ResidentNumber, Mask(match.Value)));
            }
        }
        findings.AddRange(Mobile().Matches(normalized).Select(m => new Finding(PersonalDataKind.Phone, Mask(m.Value))));
        findings.AddRange(Landline().Matches(normalized).Select(m => new Finding(PersonalDataKind.Phone, Mask(m.Value))));
        findings.AddRange(Email().Matches(normalized).Select(m => new Finding(PersonalDataKind.Email, MaskEmail(m.Value))));
        findings.AddRange(CarPlate().Matches(normalized).Select(m => new Finding(PersonalDataKind.CarPlate, Mask(m.Value))));
        // A 13-digit resident number also reads as a phone-like run inside; keep the first finding at each place once.
        return findings.DistinctBy(f => (f.Kind, f.Masked)).ToList();
    }

    /// <summary>Refuses text with personal data in it; the message names what was found (masked) so the author can remove it.</summary>
    public static void Refuse(string? text, string field)
    {
        if (Find(text) is { Count: > 0 } found)
        {
            throw new DomainException("lab.personal-data", "Lab.PersonalDataFound", ProblemKind.Invalid, field,
                [string.Join(", ", found.Select(f => f.Masked))]);
        }
    }

    private static bool IsDate(string yy, string mm, string dd, string seventh)
    {
        var century = seventh is "1" or "2" or "5" or "6" ? 1900 : 2000;
        var year = century + int.Parse(yy, CultureInfo.InvariantCulture);
        return DateOnly.TryParseExact($"{year:0000}{mm}{dd}", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    /// <summary>Keeps the first three and last two characters that are digits or letters, the rest as *.</summary>
    private static string Mask(string value)
    {
        var chars = value.Trim().ToCharArray();
        var positions = chars.Select((c, i) => (c, i)).Where(x => char.IsLetterOrDigit(x.c)).Select(x => x.i).ToList();
        foreach (var i in positions.Skip(3).SkipLast(2))
        {
            chars[i] = '*';
        }
        return new string(chars);
    }

    private static string MaskEmail(string value)
    {
        var at = value.IndexOfAny(['@', '＠', '(', '[']);
        return at <= 1 ? "***" + value[at..] : value[0] + new string('*', at - 1) + value[at..];
    }
}
