using System.Globalization;

namespace Mirae.Web.Infrastructure;

/// <summary>Korean is the default; English is the one other language users can switch to.</summary>
public static class Language
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
