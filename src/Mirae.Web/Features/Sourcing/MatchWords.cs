using Microsoft.Extensions.Localization;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>A match's reasons and a need's requirements in the reader's words: names for keys and codes, units, dates.</summary>
public static class MatchWords
{
    public static string Explain(IStringLocalizer text, MatchReason reason) => reason.Kind switch
    {
        "material" or "category" => Language.Pick(reason.Args[1], reason.Args[2]),
        "specification" => text["MatchWords.Specification", SpecificationTerms.Name(reason.Args[0]),
            reason.Args[1].Length == 0 ? text["MatchWords.NotStated"].Value : SpecificationTerms.Value(reason.Args[0], reason.Args[1])],
        "certificate" => text[reason.Args[1] == "expiring" ? "MatchWords.CertificateExpiring" : "MatchWords.CertificateValid", reason.Args[0], reason.Args[2]],
        "document" => text["DocumentKind." + reason.Args[0]],
        "region" => reason.Args[0].Length == 0 ? text["MatchWords.NotStated"] : Language.Pick(reason.Args[0], reason.Args[1]),
        "qualification" => text["MatchWords.Qualification", reason.Args[0], reason.Args[1]],
        _ => string.Join(", ", reason.Args),
    };

    /// <summary>A reason in two or three words, for its chip on the matches list ("기공 크기", "ISO13485", "CoA").</summary>
    public static string Chip(IStringLocalizer text, MatchReason reason) => reason.Kind switch
    {
        "specification" => SpecificationTerms.Name(reason.Args[0]),
        "certificate" => reason.Args[0],
        "document" => text["DocumentKind." + reason.Args[0]],
        _ => text["MatchReason." + reason.Kind],
    };

    /// <summary>What a requirement asks, with its unit and values in words ("≤ 20 nm", "예").</summary>
    public static string Describe(SpecRequirement r) =>
        r.Text is { } value ? SpecificationTerms.Value(r.Key, value) : SpecificationTerms.WithUnit(r.Key, Matching.Describe(r));
}
