namespace Mirae.Ledger;

/// <summary>The outcome of a verification: valid, or not with the reason in plain words.</summary>
public sealed record VerificationResult
{
    private VerificationResult(bool isValid, string? failure)
    {
        IsValid = isValid;
        Failure = failure;
    }

    /// <summary>True when the proof or signature holds.</summary>
    public bool IsValid { get; }

    /// <summary>Why verification failed; null when <see cref="IsValid"/>.</summary>
    public string? Failure { get; }

    /// <summary>The one valid result.</summary>
    public static VerificationResult Valid { get; } = new(true, null);

    /// <summary>A failed verification with its reason.</summary>
    public static VerificationResult Fail(string reason) => new(false, reason);
}
