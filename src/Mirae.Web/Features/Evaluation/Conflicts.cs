namespace Mirae.Web.Features.Evaluation;

public enum ConflictKind
{
    /// <summary>The evaluator's affiliation is the applicant (same business number or the same name).</summary>
    SameOrganization,
    /// <summary>The evaluator's account is an approved member of the applicant.</summary>
    Member,
    /// <summary>Earlier work with the applicant (co-application, funded task, consulting) in the last three years.</summary>
    RecentWork,
    /// <summary>The evaluator declared a relationship with the applicant in the pool.</summary>
    DeclaredRelation,
    /// <summary>The evaluator declared a conflict on this application.</summary>
    Declared,
}

/// <summary>The applicant as conflict detection sees it.</summary>
public sealed record Applicant(int ApplicationId, string BusinessNumber, string NameKo, IReadOnlyCollection<Guid> MemberIds, string? Category);

/// <summary>Conflicts of interest the platform finds by itself, before anyone is assigned (이해충돌 자동 확인).</summary>
public static class Conflicts
{
    public const int RecentYears = 3;

    public static IReadOnlyList<ConflictKind> Detect(Evaluator evaluator, Applicant applicant, int currentYear)
    {
        var found = new List<ConflictKind>();
        if (evaluator.AffiliationBusinessNumber == applicant.BusinessNumber || Normalize(evaluator.Affiliation) == Normalize(applicant.NameKo))
        {
            found.Add(ConflictKind.SameOrganization);
        }
        if (evaluator.UserId is { } user && applicant.MemberIds.Contains(user))
        {
            found.Add(ConflictKind.Member);
        }
        if (evaluator.History.Any(h => h.BusinessNumber == applicant.BusinessNumber && h.Year > currentYear - RecentYears))
        {
            found.Add(ConflictKind.RecentWork);
        }
        if (evaluator.DeclaredRelations.Contains(applicant.BusinessNumber))
        {
            found.Add(ConflictKind.DeclaredRelation);
        }
        return found;
    }

    /// <summary>"(주)미래바이오", "주식회사 미래바이오" and "미래 바이오" are the same name.</summary>
    private static string Normalize(string name) =>
        string.Concat(name.Replace("주식회사", "", StringComparison.Ordinal).Replace("(주)", "", StringComparison.Ordinal).Replace("㈜", "", StringComparison.Ordinal)
            .Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant() is { Length: > 0 } normalized ? normalized : "\0" + name;
}
