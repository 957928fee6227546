using System.ComponentModel.DataAnnotations;

namespace Mirae.Web.Infrastructure;

/// <summary>
/// The dates people may type: from 2000-01-01 to 2100-12-31. Anything outside is a typing slip, and the calendar's own
/// edges (0001-01-01, 9999-12-31) overflow once shifted to KST.
/// </summary>
public static class Dates
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static bool IsSensible(DateOnly date) => date >= Earliest && date <= Latest;

    public static bool IsSensible(DateTime local) => IsSensible(DateOnly.FromDateTime(local));
}

/// <summary>A date or date-time field within <see cref="Dates"/>'s range; the message names the field, in the reader's language.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class SensibleDateAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        DateOnly date => Dates.IsSensible(date),
        DateTime local => Dates.IsSensible(local),
        _ => false,
    };

    // MVC localizes the messages of its own attributes only; this one asks the site's texts itself.
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        IsValid(value)
            ? ValidationResult.Success
            : new ValidationResult(
                validationContext.GetService(typeof(Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>)) is Microsoft.Extensions.Localization.IStringLocalizer text
                    ? text["Validation.DateRange", validationContext.DisplayName]
                    : $"{validationContext.DisplayName}: {Dates.Earliest:yyyy-MM-dd} – {Dates.Latest:yyyy-MM-dd}",
                validationContext.MemberName is { } member ? [member] : null);
}
