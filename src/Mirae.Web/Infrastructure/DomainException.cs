namespace Mirae.Web.Infrastructure;

/// <summary>
/// A business rule was broken. <see cref="Code"/> is stable (API clients and tests rely on it);
/// the message is a resource key that pages and the API translate for the reader.
/// </summary>
public sealed class DomainException(string code, string messageKey, int statusCode = StatusCodes.Status409Conflict)
    : Exception(messageKey)
{
    public string Code { get; } = code;
    public string MessageKey { get; } = messageKey;
    public int StatusCode { get; } = statusCode;
}

public sealed class NotFoundException(string resource) : Exception($"{resource} not found")
{
    public string Resource { get; } = resource;
}
