using System.Security.Cryptography;
using System.Text;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Evaluation;

/// <summary>Earlier work with an organization (공동 수행, 자문 …), kept to find conflicts of interest within three years.</summary>
public sealed record HistoryEntry(int Year, string BusinessNumber, string Description);

/// <summary>
/// An external expert in the evaluator pool (평가위원). Staff invite by e-mail with a sign-up link; whoever opens the link
/// signed in becomes this evaluator. Staff can deactivate an evaluator, who is then never assigned again.
/// </summary>
public sealed class Evaluator
{
    public const int MaxFields = 10;
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(14);

    public int Id { get; private set; }
    public string Email { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Affiliation { get; private set; } = "";
    /// <summary>The business number of the affiliation when it is a registered organization; an applicant with it is a conflict.</summary>
    public string? AffiliationBusinessNumber { get; private set; }
    public IReadOnlyList<string> Fields { get; private set; } = [];
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    /// <summary>Business numbers of organizations the evaluator declared a relationship with (가족, 지분, 자문 …).</summary>
    public IReadOnlyList<string> DeclaredRelations { get; private set; } = [];
    public bool Active { get; private set; }
    public Guid? UserId { get; private set; }
    public string InvitationHash { get; private set; } = "";
    public DateTimeOffset InvitedAt { get; private set; }
    public DateTimeOffset? JoinedAt { get; private set; }

    private Evaluator()
    {
    }

    /// <summary>A new evaluator and the token of the sign-up link (only its hash is kept).</summary>
    public static (Evaluator Evaluator, string Token) Invite(string email, string name, string affiliation, string? affiliationBusinessNumber,
        IReadOnlyList<string> fields, IReadOnlyList<HistoryEntry> history, IReadOnlyList<string> declaredRelations, DateTimeOffset now)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var evaluator = new Evaluator { Email = email.Trim().ToLowerInvariant(), InvitationHash = Hash(token), InvitedAt = now, Active = true };
        evaluator.Describe(name, affiliation, affiliationBusinessNumber, fields, history, declaredRelations);
        return (evaluator, token);
    }

    public void Describe(string name, string affiliation, string? affiliationBusinessNumber, IReadOnlyList<string> fields,
        IReadOnlyList<HistoryEntry> history, IReadOnlyList<string> declaredRelations)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100 || affiliation.Trim().Length > 200 || fields.Count > MaxFields || history.Count > 50
            || declaredRelations.Count > 50)
        {
            throw new DomainException("evaluator.invalid", "Evaluator.Invalid", ProblemKind.Invalid);
        }
        (Name, Affiliation, AffiliationBusinessNumber) = (name.Trim(), affiliation.Trim(), string.IsNullOrWhiteSpace(affiliationBusinessNumber) ? null : affiliationBusinessNumber);
        (Fields, History, DeclaredRelations) = (fields.Select(f => f.Trim()).Where(f => f.Length > 0).Distinct().ToList(), history.ToList(), declaredRelations.Distinct().ToList());
    }

    /// <summary>The signed-in member who opened the link becomes this evaluator.</summary>
    public void Join(string token, Guid userId, DateTimeOffset now)
    {
        if (UserId is not null || !Active || now - InvitedAt > InvitationLifetime
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(InvitationHash)))
        {
            throw new DomainException("evaluator.invitation-invalid", "Evaluator.InvitationInvalid");
        }
        (UserId, JoinedAt) = (userId, now);
    }

    public void Deactivate() => Active = false;

    public void Reactivate() => Active = true;

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
