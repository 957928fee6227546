using System.Globalization;

namespace Mirae.Web.Infrastructure;

/// <summary>KRW as readers expect it: "100,000,000원" in Korean, "₩100,000,000" in English.</summary>
public static class Money
{
    /// <summary>
    /// The largest amount or number anyone may type (just under 1,000조원): far above any budget, and well inside
    /// <c>long</c> and the database's <c>numeric(18,0)</c>, so sums and casts never overflow.
    /// </summary>
    public const decimal MaxTyped = 999_999_999_999_999m;

    /// <summary>A number someone typed is usable: within ±<see cref="MaxTyped"/>.</summary>
    public static bool InTypedRange(decimal value) => value is >= -MaxTyped and <= MaxTyped;

    public static string Won(decimal amount) =>
        Language.IsEnglish
            ? "₩" + amount.ToString("#,0", CultureInfo.InvariantCulture)
            : amount.ToString("#,0", CultureInfo.InvariantCulture) + "원";
}
