using Microsoft.Extensions.Localization;

namespace Mirae.Web.Infrastructure;

/// <summary>
/// Text typed one record a line with fields separated by <c>|</c> (rubrics, required documents, sample tests,
/// evaluation history, requirements, committee amounts and limits) or <c>=</c> (product specifications): one reader for
/// all of them, so that every form reports the first line it cannot read by its number.
/// </summary>
public static class LineFormat
{
    /// <summary>One non-blank line: its 1-based number in the text and its trimmed cells.</summary>
    public sealed record Line(int Number, IReadOnlyList<string> Cells)
    {
        public int Count => Cells.Count;

        /// <summary>The cell at <paramref name="index"/>, or "" past the end.</summary>
        public string this[int index] => index < Cells.Count ? Cells[index] : "";

        /// <summary>The cells from <paramref name="index"/> on, joined again (a last field that may itself hold the separator).</summary>
        public string Rest(int index, char separator = '|') => string.Join($" {separator} ", Cells.Skip(index));
    }

    /// <summary>What a text read to: every item, or the number of the first line that is not one.</summary>
    public sealed record Result<T>(IReadOnlyList<T> Items, int? BadLine)
    {
        public bool Succeeded => BadLine is null;
    }

    /// <summary>The non-blank lines of <paramref name="text"/>, split on <paramref name="separator"/> (at most <paramref name="cells"/> cells).</summary>
    public static IEnumerable<Line> Read(string? text, char separator = '|', int cells = int.MaxValue) =>
        (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .Select((line, index) => (Text: line.Trim(), Number: index + 1))
            .Where(l => l.Text.Length > 0)
            .Select(l => new Line(l.Number, l.Text.Split(separator, cells, StringSplitOptions.TrimEntries)));

    /// <summary>Reads every line with <paramref name="parse"/>, which answers null for a line it cannot read; stops at the first such line.</summary>
    public static Result<T> Parse<T>(string? text, Func<Line, T?> parse, char separator = '|', int cells = int.MaxValue) where T : class
    {
        var items = new List<T>();
        foreach (var line in Read(text, separator, cells))
        {
            if (parse(line) is not { } item)
            {
                return new Result<T>(items, line.Number);
            }
            items.Add(item);
        }
        return new Result<T>(items, null);
    }

    /// <summary>"3번째 줄: …" / "Line 3: …": a message about one line of a text field.</summary>
    public static string AtLine(this IStringLocalizer text, int? line, string messageKey, params object[] arguments) =>
        line is { } number ? text["Form.AtLine", number, text[messageKey, arguments]] : text[messageKey, arguments];
}
