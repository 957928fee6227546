using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mirae.Web.Data;

/// <summary>
/// A value stored as JSON text on both providers (not jsonb or arrays), so one migration and one query shape serve
/// SQLite and PostgreSQL. For values read and written whole: lists of arguments, a call's rules, its rubric.
/// </summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <param name="maxLength">The longest JSON text; null for unbounded text (forms, answers).</param>
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property, int? maxLength) where T : class =>
        (maxLength is int max ? property.HasMaxLength(max) : property).HasConversion(
            value => JsonSerializer.Serialize(value, Options),
            json => JsonSerializer.Deserialize<T>(json, Options)!,
            new ValueComparer<T>((a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
                value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)!));
}
