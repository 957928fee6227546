namespace Mirae.Web.Infrastructure;

public static class Names
{
    /// <summary>
    /// A name as people will read it: without the invisible controls that reorder text (U+202E turns "evil‮gpj.pdf"
    /// into what reads as "evilfdp.jpg"), trimmed.
    /// </summary>
    public static string Clean(string name) =>
        new string(name.Where(c => !IsBidiControl(c)).ToArray()).Trim();

    /// <summary>The Unicode bidirectional formatting characters (UAX #9): marks, embeddings, overrides and isolates.</summary>
    public static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
