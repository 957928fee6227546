using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mirae.Web.Features.Ledger;

/// <summary>
/// The one byte form of an entry's JSON, so that anyone re-hashing it gets the same leaf (RFC 8785, JCS, for the
/// values entries use): object members sorted by their UTF-16 code units, no whitespace, strings escaped as JSON
/// requires and nothing more, integers as plain digits. Amounts are whole won (integers); scores and other decimals are
/// written as strings ("87.50") so no reader rounds them.
/// </summary>
public static class CanonicalJson
{
    public static string Write(JsonNode? node)
    {
        var text = new StringBuilder();
        Append(text, node);
        return text.ToString();
    }

    /// <summary>Parses and writes again: equal to its input exactly when the input is already canonical.</summary>
    public static string Normalize(string json) => Write(JsonNode.Parse(json));

    private static void Append(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        text.Append(',');
                    }
                    first = false;
                    AppendString(text, key);
                    text.Append(':');
                    Append(text, value);
                }
                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }
                    Append(text, array[i]);
                }
                text.Append(']');
                break;
            case JsonValue value:
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        AppendString(text, value.GetValue<string>());
                        break;
                    case JsonValueKind.True:
                        text.Append("true");
                        break;
                    case JsonValueKind.False:
                        text.Append("false");
                        break;
                    case JsonValueKind.Number when value.TryGetValue<long>(out var whole):
                        text.Append(whole.ToString(CultureInfo.InvariantCulture));
                        break;
                    case JsonValueKind.Number when value.TryGetValue<int>(out var small):
                        text.Append(small.ToString(CultureInfo.InvariantCulture));
                        break;
                    case JsonValueKind.Number when value.TryGetValue<JsonElement>(out var element) && element.TryGetInt64(out var parsed):
                        text.Append(parsed.ToString(CultureInfo.InvariantCulture));
                        break;
                    default:
                        throw new ArgumentException("ledger entries hold strings, whole numbers, booleans, arrays and objects only", nameof(node));
                }
                break;
        }
    }

    private static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        text.Append('"');
    }
}
