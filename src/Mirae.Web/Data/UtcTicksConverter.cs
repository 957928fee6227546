using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mirae.Web.Data;

/// <summary>Stores an instant as UTC ticks, which sort and compare like the instants themselves.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
