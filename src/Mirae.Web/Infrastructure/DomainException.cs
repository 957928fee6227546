namespace Mirae.Web.Infrastructure;

/// <summary>What kind of rule a <see cref="DomainException"/> reports; only the API and page edges turn it into a status code.</summary>
public enum ProblemKind
{
    /// <summary>The input breaks a rule of its own (a missing reason, a date in the wrong order).</summary>
    Invalid,
    /// <summary>The user may not do this to this record.</summary>
    Forbidden,
    /// <summary>Something the request names does not exist.</summary>
    NotFound,
    /// <summary>The record's state does not allow it now (already submitted, closed, taken).</summary>
    Conflict,
    /// <summary>An upload is larger than allowed.</summary>
    TooLarge,
    /// <summary>An upload is not of an allowed type (by its content).</summary>
    UnsupportedType,
    /// <summary>The input is well-formed but no answer satisfies it (a selection with no feasible set).</summary>
    Unsatisfiable,
}

/// <summary>
/// A business rule was broken. <see cref="Code"/> is stable (API clients and tests rely on it); the message is a resource
/// key that pages and the API translate for the reader; <see cref="Field"/>, when set, names the input it is about.
/// </summary>
public sealed class DomainException(string code, string messageKey, ProblemKind kind = ProblemKind.Conflict, string? field = null,
    object[]? arguments = null)
    : Exception(messageKey)
{
    /// <summary>The values the message's placeholders show ({0}, {1} …).</summary>
    public object[] Arguments { get; } = arguments ?? [];

    public string Code { get; } = code;
    public string MessageKey { get; } = messageKey;
    public ProblemKind Kind { get; } = kind;
    public string? Field { get; } = field;
}

public sealed class NotFoundException(string resource) : Exception($"{resource} not found")
{
    public string Resource { get; } = resource;
}
