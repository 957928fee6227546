using System.Globalization;

namespace Mirae.Web.Infrastructure;

/// <summary>Korean is the default; English is the one other language users can switch to.</summary>
public static class Language
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The English text when the reader chose English and there is one; otherwise the Korean.</summary>
    public static string Pick(string korean, string? english) => IsEnglish && !string.IsNullOrEmpty(english) ? english : korean;
}
