using System.Text;

namespace Mirae.Web.Features.Directory;

/// <summary>
/// A small RFC 4180 reader: header row, any column order, quoted fields with "" escapes and line breaks.
/// Each record knows the line it started on, for <c>file:line: reason</c> messages.
/// </summary>
public sealed class CsvFile
{
    public sealed record Row(int Line, IReadOnlyDictionary<string, string> Values)
    {
        public string Get(string column) => Values.TryGetValue(column, out var value) ? value.Trim() : "";

        public string? Optional(string column) => Get(column) is { Length: > 0 } value ? value : null;
    }

    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<Row> Rows { get; }
    /// <summary>Structural problems (unterminated quote, wrong field count) by line; empty when the file is well-formed.</summary>
    public IReadOnlyList<(int Line, string Reason)> Problems { get; }

    private CsvFile(IReadOnlyList<string> header, IReadOnlyList<Row> rows, IReadOnlyList<(int, string)> problems)
    {
        Header = header;
        Rows = rows;
        Problems = problems;
    }

    public static async Task<CsvFile> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var records = Parse(text, out var problems);
        if (records.Count == 0)
        {
            return new CsvFile([], [], problems.Count > 0 ? problems : [(1, "the file is empty (a header row is required)")]);
        }
        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var rows = new List<Row>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields is [""])
            {
                continue; // blank line
            }
            if (fields.Count != header.Count)
            {
                problems.Add((line, $"expected {header.Count} fields, found {fields.Count}"));
                continue;
            }
            rows.Add(new Row(line, header.Zip(fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)));
        }
        problems.Sort();
        return new CsvFile(header, rows, problems);
    }

    private static List<(int Line, List<string> Fields)> Parse(string text, out List<(int, string)> problems)
    {
        problems = [];
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add((recordLine, fields));
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (quoted)
        {
            problems.Add((recordLine, "a quoted field is not closed"));
        }
        else if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }
        return records;
    }
}
