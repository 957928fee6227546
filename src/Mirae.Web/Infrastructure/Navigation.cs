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
}

/// <summary>A link in the site's main navigation; <see cref="Order"/> places it among the entries of every feature.</summary>
public sealed record NavEntry(string TextKey, string Href, int Order, NavAudience Audience);

public static class NavigationRegistration
{
    /// <summary>Adds a feature's entries to the main navigation.</summary>
    public static IServiceCollection AddNavigation(this IServiceCollection services, params NavEntry[] entries)
    {
        foreach (var entry in entries)
        {
            services.AddSingleton(entry);
        }
        return services;
    }
}

/// <summary>The main navigation as one user sees it: the entries of every feature meant for them, in order.</summary>
public sealed class SiteNavigation(IEnumerable<NavEntry> entries)
{
    private readonly NavEntry[] _entries = [.. entries.OrderBy(e => e.Order).ThenBy(e => e.Href, StringComparer.Ordinal)];

    public IEnumerable<NavEntry> For(ClaimsPrincipal user) => _entries.Where(e => e.Audience switch
    {
        NavAudience.Everyone => true,
        NavAudience.CompanyMembers => user.IsInRole(Roles.CompanyMember),
        NavAudience.BuyerMembers => user.HasClaim(AppClaims.ActsFor, "Buyer"),
        NavAudience.SupplierMembers => user.HasClaim(AppClaims.ActsFor, "Supplier"),
        NavAudience.ProgramStaff => user.IsProgramStaff(),
        NavAudience.Evaluators => user.IsInRole(Roles.Evaluator),
        NavAudience.Administrators => user.IsInRole(Roles.Administrator),
        _ => false,
    });
}
