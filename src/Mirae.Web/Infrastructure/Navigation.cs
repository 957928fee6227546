using System.Security.Claims;
using Mirae.Web.Features.Accounts;

namespace Mirae.Web.Infrastructure;

/// <summary>Who sees a navigation entry.</summary>
public enum NavAudience
{
    Everyone,
    CompanyMembers,
    /// <summary>Members who act for a buyer (an approved membership).</summary>
    BuyerMembers,
    /// <summary>Members who act for a supplier (an approved membership).</summary>
    SupplierMembers,
    ProgramStaff,
    Evaluators,
    Administrators,
    /// <summary>SOS Lab moderators (and program staff).</summary>
    Moderators,
    /// <summary>People who act for an SOS Lab agency.</summary>
    Agents,
}

/// <summary>The groups of the staff area's side navigation (/admin), in the order they are shown.</summary>
public enum StaffArea
{
    Programs,
    Evaluation,
    Sourcing,
    Directory,
    Members,
    Content,
}

/// <summary>
/// A link in the site's navigation; <see cref="Order"/> places it among the entries of every feature. An entry with an
/// <see cref="Area"/> belongs to the staff area: it is listed in that area's side navigation and on the staff home, not
/// in the main menu (which shows one "업무 관리" entry instead).
/// </summary>
public sealed record NavEntry(string TextKey, string Href, int Order, NavAudience Audience, StaffArea? Area = null);

public static class NavigationRegistration
{
    /// <summary>Adds a feature's entries to the navigation.</summary>
    public static IServiceCollection AddNavigation(this IServiceCollection services, params NavEntry[] entries)
    {
        foreach (var entry in entries)
        {
            services.AddSingleton(entry);
        }
        return services;
    }
}

/// <summary>The navigation as one user sees it: the entries of every feature meant for them, in order.</summary>
public sealed class SiteNavigation(IEnumerable<NavEntry> entries)
{
    /// <summary>The staff area's home, where its side navigation starts.</summary>
    public const string StaffHome = "/admin";

    private readonly NavEntry[] _entries = [.. entries.OrderBy(e => e.Order).ThenBy(e => e.Href, StringComparer.Ordinal)];

    /// <summary>The main menu: every entry for this user outside the staff area.</summary>
    public IEnumerable<NavEntry> For(ClaimsPrincipal user) => Visible(user).Where(e => e.Area is null);

    /// <summary>The staff area's entries for this user, by group in <see cref="StaffArea"/> order; empty for everyone else.</summary>
    public IReadOnlyList<IGrouping<StaffArea, NavEntry>> StaffAreas(ClaimsPrincipal user) =>
        [.. Visible(user).Where(e => e.Area is not null).GroupBy(e => e.Area!.Value).OrderBy(g => g.Key)];

    /// <summary>Whether a path is in the staff area (and so gets its side navigation).</summary>
    public static bool InStaffArea(string path) =>
        path.Equals(StaffHome, StringComparison.OrdinalIgnoreCase) || path.StartsWith(StaffHome + "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The entry of <paramref name="entries"/> a path belongs to: the one whose address is the path or its longest parent
    /// (/calls for /calls/3), marked as the current section in the menus. Home only for "/" itself.
    /// </summary>
    public static NavEntry? SectionOf(IEnumerable<NavEntry> entries, string path) => entries
        .Where(e => e.Href == "/" ? path == "/" : path.Equals(e.Href, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(e.Href + "/", StringComparison.OrdinalIgnoreCase))
        .MaxBy(e => e.Href.Length);

    private IEnumerable<NavEntry> Visible(ClaimsPrincipal user) => _entries.Where(e => e.Audience switch
    {
        NavAudience.Everyone => true,
        NavAudience.CompanyMembers => user.IsInRole(Roles.CompanyMember),
        NavAudience.BuyerMembers => user.HasClaim(AppClaims.ActsFor, "Buyer"),
        NavAudience.SupplierMembers => user.HasClaim(AppClaims.ActsFor, "Supplier"),
        NavAudience.ProgramStaff => user.IsProgramStaff(),
        NavAudience.Evaluators => user.IsInRole(Roles.Evaluator),
        NavAudience.Administrators => user.IsInRole(Roles.Administrator),
        NavAudience.Moderators => user.IsInRole(Roles.Moderator) || user.IsProgramStaff(),
        NavAudience.Agents => user.IsInRole(Roles.Agency),
        _ => false,
    });
}
