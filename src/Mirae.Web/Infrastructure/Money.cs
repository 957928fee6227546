using System.Globalization;

namespace Mirae.Web.Infrastructure;

/// <summary>KRW as readers expect it: "100,000,000원" in Korean, "₩100,000,000" in English.</summary>
public static class Money
{
    public static string Won(decimal amount) =>
        Language.IsEnglish
            ? "₩" + amount.ToString("#,0", CultureInfo.InvariantCulture)
            : amount.ToString("#,0", CultureInfo.InvariantCulture) + "원";
}
