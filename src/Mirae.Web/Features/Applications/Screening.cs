using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Calls;

namespace Mirae.Web.Features.Applications;

/// <summary>
/// What screening looks at, computed from data: each eligibility rule of the call against the applying organization's
/// directory profile, and possible duplicate support (the same organization funded and unfinished elsewhere, or
/// applying for the same material or topic in another call whose window overlaps).
/// </summary>
public static class Screening
{
    /// <summary>One rule: its resource key, whether the organization meets it (null: the profile does not say), and what was compared.</summary>
    public sealed record RuleResult(string RuleKey, bool? Passed, string Detail);

    public sealed record Duplicate(int ApplicationId, int CallId, string CallTitleKo, ApplicationStatus Status, string ReasonKey);

    public sealed record Result(IReadOnlyList<RuleResult> Rules, IReadOnlyList<Duplicate> Duplicates)
    {
        /// <summary>Every rule is met (a rule the profile cannot answer is not met: staff confirm it by hand).</summary>
        public bool Eligible => Rules.All(r => r.Passed == true);
    }

    public sealed record Profile(OrganizationKind Kind, string? RegionKo, int? Employees, int? FoundedYear);

    /// <param name="hasUnfinishedTask">The organization holds a selected application of another call (funded, not finished).</param>
    public static IReadOnlyList<RuleResult> CheckRules(Eligibility rules, Profile organization, bool hasUnfinishedTask, DateTimeOffset now)
    {
        var results = new List<RuleResult>();
        if (rules.Kinds.Count > 0)
        {
            results.Add(new("Screening.Rule.Kind", rules.Kinds.Contains(organization.Kind), organization.Kind.ToString()));
        }
        if (rules.Regions.Count > 0)
        {
            var region = organization.RegionKo is null ? null : Region(organization.RegionKo);
            results.Add(new("Screening.Rule.Region", region is null ? null : rules.Regions.Select(Region).Any(r => region.StartsWith(r, StringComparison.Ordinal)),
                organization.RegionKo ?? "-"));
        }
        if (rules.MaxYearsSinceFounding is int years)
        {
            var age = organization.FoundedYear is int founded ? now.ToKst().Year - founded : (int?)null;
            results.Add(new("Screening.Rule.Founded", age is null ? null : age <= years, age?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"));
        }
        if (rules.MinEmployees is not null || rules.MaxEmployees is not null)
        {
            var employees = organization.Employees;
            results.Add(new("Screening.Rule.Employees", employees is null ? null : employees >= (rules.MinEmployees ?? 0) && employees <= (rules.MaxEmployees ?? int.MaxValue),
                employees?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"));
        }
        if (rules.NoUnfinishedTask)
        {
            results.Add(new("Screening.Rule.NoUnfinishedTask", !hasUnfinishedTask, hasUnfinishedTask ? "1" : "0"));
        }
        return results;
    }

    /// <summary>A region as written in either form ("인천광역시 연수구", "인천 연수구"): without spaces and the kind of city or province.</summary>
    private static string Region(string name) =>
        CityKinds.Aggregate(name, (n, kind) => n.Replace(kind, "", StringComparison.Ordinal)).Replace(" ", "", StringComparison.Ordinal);

    private static readonly string[] CityKinds = ["특별자치시", "특별자치도", "광역시", "특별시"];

    /// <summary>The screening view of one application: its rules and its duplicate-support flags.</summary>
    public static async Task<Result> EvaluateAsync(AppDbContext db, int applicationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId, cancellationToken);
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, cancellationToken);
        var profile = await db.Organizations.AsNoTracking().Where(o => o.Id == application.OrganizationId)
            .Select(o => new Profile(o.Kind, o.RegionKo, o.Employees, o.FoundedYear)).SingleAsync(cancellationToken);
        var duplicates = await DuplicatesAsync(db, application, call, cancellationToken);
        var unfinished = duplicates.Any(d => d.Status == ApplicationStatus.Selected);
        return new Result(CheckRules(call.Eligibility, profile, unfinished, now), duplicates);
    }

    /// <summary>
    /// The answer keys a form uses for the materials an application is about: <c>material</c> (one code, as in the directory)
    /// or <c>items</c> (a multiple choice of target items, as the demo form has).
    /// </summary>
    public static readonly IReadOnlyList<string> MaterialKeys = ["material", "items"];

    /// <summary>The answer key a form uses for the project title, which says the topic.</summary>
    public const string TopicKey = "title";

    /// <summary>
    /// The organization's other applications that may be the same support twice: selected in another call and not yet
    /// settled (its funded task is unfinished; a selection from before tasks existed counts as unfinished), or active in another call whose
    /// window overlaps this one for the same material (a value both give for one of <see cref="MaterialKeys"/>) or topic (titles
    /// that <see cref="SameTopic"/> finds alike).
    /// </summary>
    private static async Task<List<Duplicate>> DuplicatesAsync(AppDbContext db, Application application, Call call, CancellationToken cancellationToken)
    {
        var others = await (from a in db.Applications.AsNoTracking()
                            join c in db.Calls on a.CallId equals c.Id
                            where a.OrganizationId == application.OrganizationId && a.Id != application.Id
                                  && a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Withdrawn
                                  && a.Status != ApplicationStatus.ScreenedOut && a.Status != ApplicationStatus.NotSelected
                            select new
                            {
                                a.Id, a.CallId, c.TitleKo, a.Status, c.OpensAt, c.ClosesAt, a.Answers,
                                Settled = db.FundedTasks.Any(t => t.ApplicationId == a.Id && t.Status == Tasks.FundedTaskStatus.Settled),
                            })
            .ToListAsync(cancellationToken);
        var duplicates = new List<Duplicate>();
        foreach (var other in others.Where(o => !o.Settled)) // a settled task is finished support, not a duplicate
        {
            var overlapping = other.OpensAt < call.ClosesAt && call.OpensAt < other.ClosesAt;
            var reason = other.Status == ApplicationStatus.Selected ? "Screening.Duplicate.Funded"
                : !overlapping ? null
                : MaterialKeys.Any(key => ShareAValue(application.Answers, other.Answers, key)) ? "Screening.Duplicate.SameMaterial"
                : SameTopic(application.Answers.GetValueOrDefault(TopicKey), other.Answers.GetValueOrDefault(TopicKey)) ? "Screening.Duplicate.SameTopic"
                : null;
            if (reason is not null)
            {
                duplicates.Add(new Duplicate(other.Id, other.CallId, other.TitleKo, other.Status, reason));
            }
        }
        return duplicates;
    }

    /// <summary>Both answered <paramref name="key"/> with a common value (a multiple choice is stored comma-separated).</summary>
    private static bool ShareAValue(IReadOnlyDictionary<string, string> one, IReadOnlyDictionary<string, string> other, string key) =>
        one.TryGetValue(key, out var a) && other.TryGetValue(key, out var b)
        && Values(a).Intersect(Values(b), StringComparer.OrdinalIgnoreCase).Any();

    private static string[] Values(string answer) => answer.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The share of character pairs two titles have in common (Sørensen–Dice over bigrams, spaces and case ignored) at which they are one topic.</summary>
    public const double TopicSimilarity = 0.6;

    /// <summary>
    /// Whether two titles name the same topic: their character bigrams, without spaces and punctuation, overlap by at least
    /// <see cref="TopicSimilarity"/>. Bigrams rather than words, so that Korean particles and spacing ("배지의", "세포 배양")
    /// do not hide a match.
    /// </summary>
    public static bool SameTopic(string? one, string? other)
    {
        var a = Bigrams(one);
        var b = Bigrams(other);
        return a.Count > 0 && b.Count > 0 && 2.0 * a.Intersect(b).Count() / (a.Count + b.Count) >= TopicSimilarity;
    }

    private static HashSet<string> Bigrams(string? text)
    {
        var letters = new string((text ?? "").ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
        return letters.Length == 1 ? [letters] : Enumerable.Range(0, Math.Max(0, letters.Length - 1)).Select(i => letters.Substring(i, 2)).ToHashSet(StringComparer.Ordinal);
    }
}
