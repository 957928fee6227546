using System.Globalization;
using Mirae.Web.Features.Directory;

namespace Mirae.Web.Features.Sourcing;

/// <summary>What matching knows of a product: public directory data only.</summary>
public sealed record Candidate(int ProductId, string ProductCode, string NameKo, string BusinessNumber, string SupplierKo, string? RegionKo, int MaterialId, string MaterialCode,
    IReadOnlyDictionary<string, string> Specifications, IReadOnlyList<(string Code, DateOnly IssuedOn, DateOnly ExpiresOn)> Certificates,
    IReadOnlySet<DocumentKind> Documents, int SharedApprovals = 0, int SharedConditionals = 0, string? NameEn = null, string? SupplierEn = null, string? RegionEn = null,
    string? MaterialKo = null, string? MaterialEn = null);

/// <summary>
/// One reason of a match: what was compared, how it came out (<c>null</c> when the product does not say). <see cref="Detail"/>
/// is the API's plain record of it; <see cref="Args"/> are the values pages put into words (<see cref="MatchWords"/>).
/// </summary>
public sealed record MatchReason(string Kind, string Detail, bool? Met, IReadOnlyList<string> Args);

public sealed record Match(Candidate Product, int Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// Ranks products against a need (수요-공급 매칭). Hard requirements filter: the need's material category, every hard
/// specification met, every required certificate valid today. The rest ranks, out of 100:
/// <list type="bullet">
/// <item>material: 30 for the very material, 10 for another material of its category;</item>
/// <item>specifications: 25 × the share met (a value the product does not state counts half; all 25 when none are asked);</item>
/// <item>certificates: 20 × the share of required ones valid beyond 90 days (valid but expiring within 90 days counts half; all 20 when none are asked);</item>
/// <item>documents: 4 each for a CoA, an extractables report and a raw-material questionnaire;</item>
/// <item>region: 5 for a supplier in Incheon;</item>
/// <item>earlier qualifications: 8 when another buyer shared an approval of the product, 4 when only a conditional one.</item>
/// </list>
/// Ties go to the lower product id, so the order is stable.
/// </summary>
public static class Matching
{
    public static readonly DocumentKind[] QualityDocuments = [DocumentKind.CertificateOfAnalysis, DocumentKind.ExtractablesReport, DocumentKind.RawMaterialQuestionnaire];

    public static IReadOnlyList<Match> Rank(Need need, IReadOnlySet<int> categoryMaterials, IEnumerable<Candidate> candidates, DateOnly today, int limit) =>
        // Scores first, without words; reasons only for the products shown (the same computation, so the same order).
        candidates.Where(c => categoryMaterials.Contains(c.MaterialId))
            .Select(c => (Product: c, Score: Score(need, c, today, null)))
            .Where(x => x.Score is not null)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Product.ProductId)
            .Take(limit)
            .Select(x => Evaluate(need, x.Product, today)!)
            .ToList();

    /// <summary>The match of one product, or null when it breaks a hard requirement.</summary>
    public static Match? Evaluate(Need need, Candidate product, DateOnly today)
    {
        var reasons = new List<MatchReason>();
        return Score(need, product, today, reasons) is int score ? new Match(product, score, reasons) : null;
    }

    /// <summary>The score (null when a hard requirement is broken), adding the reasons when <paramref name="reasons"/> is given.</summary>
    private static int? Score(Need need, Candidate product, DateOnly today, List<MatchReason>? reasons)
    {
        var exact = product.MaterialId == need.MaterialId;
        reasons?.Add(new MatchReason(exact ? "material" : "category", product.MaterialCode, true,
            [product.MaterialCode, product.MaterialKo ?? product.MaterialCode, product.MaterialEn ?? ""]));
        decimal score = exact ? 30 : 10;

        decimal specPoints = 0;
        foreach (var requirement in need.Requirements)
        {
            var value = product.Specifications.GetValueOrDefault(requirement.Key);
            var met = Meets(requirement, value);
            if (requirement.Hard && met != true)
            {
                return null;
            }
            specPoints += met switch { true => 1m, null => 0.5m, _ => 0m };
            reasons?.Add(new MatchReason("specification", $"{requirement.Key}: {value ?? "?"} ({Describe(requirement)})", met, [requirement.Key, value ?? ""]));
        }
        score += need.Requirements.Count == 0 ? 25 : 25 * specPoints / need.Requirements.Count;

        decimal certificatePoints = 0;
        foreach (var code in need.RequiredCertificates)
        {
            var held = product.Certificates.Where(c => c.Code == code && c.IssuedOn <= today && today <= c.ExpiresOn).OrderByDescending(c => c.ExpiresOn).FirstOrDefault();
            if (held.Code is null)
            {
                return null;
            }
            var expiring = held.ExpiresOn < today.AddDays(ProductCertificate.ExpiringWithinDays);
            certificatePoints += expiring ? 0.5m : 1m;
            reasons?.Add(new MatchReason("certificate", $"{code}: {(expiring ? "expiring" : "valid")} until {held.ExpiresOn:yyyy-MM-dd}", true,
                [code, expiring ? "expiring" : "valid", held.ExpiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]));
        }
        score += need.RequiredCertificates.Count == 0 ? 20 : 20 * certificatePoints / need.RequiredCertificates.Count;

        foreach (var kind in QualityDocuments)
        {
            var present = product.Documents.Contains(kind);
            score += present ? 4 : 0;
            reasons?.Add(new MatchReason("document", kind.ToString(), present, [kind.ToString()]));
        }
        var incheon = product.RegionKo?.StartsWith("인천", StringComparison.Ordinal) == true;
        score += incheon ? 5 : 0;
        reasons?.Add(new MatchReason("region", product.RegionKo ?? "?", incheon, [product.RegionKo ?? "", product.RegionEn ?? ""]));
        score += product.SharedApprovals > 0 ? 8 : product.SharedConditionals > 0 ? 4 : 0;
        reasons?.Add(new MatchReason("qualification", $"{product.SharedApprovals} approved, {product.SharedConditionals} conditional (shared by other buyers)",
            product.SharedApprovals + product.SharedConditionals > 0,
            [product.SharedApprovals.ToString(CultureInfo.InvariantCulture), product.SharedConditionals.ToString(CultureInfo.InvariantCulture)]));
        return (int)Math.Round(score, MidpointRounding.AwayFromZero);
    }

    /// <summary>Met, not met, or null when the product does not state the value.</summary>
    public static bool? Meets(SpecRequirement requirement, string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (requirement.Min is not null || requirement.Max is not null)
        {
            return decimal.TryParse(value.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                && (requirement.Min is null || number >= requirement.Min) && (requirement.Max is null || number <= requirement.Max);
        }
        return string.Equals(value.Trim(), requirement.Text?.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    public static string Describe(SpecRequirement r) =>
        r.Text ?? (r.Min, r.Max) switch
        {
            (decimal min, decimal max) => string.Create(CultureInfo.InvariantCulture, $"{min}–{max}"),
            (decimal min, null) => string.Create(CultureInfo.InvariantCulture, $"≥ {min}"),
            (null, decimal max) => string.Create(CultureInfo.InvariantCulture, $"≤ {max}"),
            _ => "",
        };
}
