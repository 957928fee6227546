using System.Diagnostics.CodeAnalysis;

namespace Mirae.Web.Features.Accounts;

/// <summary>
/// A Korean business registration number (사업자등록번호), <c>NNN-NN-NNNNN</c>: the tenth digit is a
/// check digit over the first nine with weights 1,3,7,1,3,7,1,3,5 (plus the tens of 5 × the ninth digit).
/// </summary>
public readonly record struct BusinessNumber
{
    private static readonly int[] Weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];

    public string Digits { get; }

    private BusinessNumber(string digits) => Digits = digits;

    /// <summary>A list separated by commas or lines (empty is fine), as digits; null when any entry is not a valid number.</summary>
    public static List<string>? ParseList(string? text)
    {
        var numbers = new List<string>();
        foreach (var part in (text ?? "").Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParse(part, out var number))
            {
                return null;
            }
            numbers.Add(number.Value.Digits);
        }
        return numbers;
    }

    /// <summary>Accepts digits with optional hyphens or spaces; false when the format or check digit is wrong.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out BusinessNumber? number)
    {
        number = null;
        if (text is null)
        {
            return false;
        }
        var digits = new string(text.Where(c => c is not ('-' or ' ')).ToArray());
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit) || !HasValidCheckDigit(digits))
        {
            return false;
        }
        number = new BusinessNumber(digits);
        return true;
    }

    private static bool HasValidCheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * Weights[i];
        }
        sum += (digits[8] - '0') * 5 / 10;
        return (10 - sum % 10) % 10 == digits[9] - '0';
    }

    public override string ToString() => $"{Digits[..3]}-{Digits[3..5]}-{Digits[5..]}";

    /// <summary>Stored digits as <c>NNN-NN-NNNNN</c>; anything that is not a valid number is returned as it is.</summary>
    public static string Format(string digits) => TryParse(digits, out var number) ? number.Value.ToString() : digits;
}
