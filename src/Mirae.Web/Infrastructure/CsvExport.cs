namespace Mirae.Web.Infrastructure;

/// <summary>CSV for people who open it in Excel: UTF-8 with a byte-order mark (so Korean shows), no formula injection.</summary>
public static class CsvExport
{
    /// <summary>One cell: quoted when needed; a leading =, +, - or @ is neutralised so a spreadsheet never evaluates it.</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Line(IEnumerable<string> cells) => string.Join(',', cells.Select(Cell));

    public static byte[] Bytes(string csv) => [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(csv)];
}
