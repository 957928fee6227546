using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

/// <summary>
/// An organization's public profile, changed by its approved members or program staff: names, region, size, founding
/// year and website (the business number never changes; the kind only by staff, since eligibility depends on it).
/// The audit entry lists each field that changed, from what to what; a new name re-indexes the products' search text.
/// </summary>
public sealed class EditOrganizationProfile(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public sealed record Command(string NameKo, string? NameEn, string? RegionKo, string? RegionEn, int? Employees, int? FoundedYear, string? Website,
        OrganizationKind? Kind);

    public async Task HandleAsync(int organizationId, Command command, bool byStaff, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == organizationId, cancellationToken) ?? throw new NotFoundException("organization");
        var now = clock.GetUtcNow();
        if (command.FoundedYear is { } year && (year < 1900 || year > now.ToKst().Year))
        {
            throw new DomainException("organization.founded-year", "OrganizationEdit.FoundedYearInvalid", ProblemKind.Invalid, "Input.FoundedYear", [now.ToKst().Year]);
        }
        if (command.Website is { Length: > 0 } website
            && !(Uri.TryCreate(website, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            throw new DomainException("organization.website", "OrganizationEdit.WebsiteInvalid", ProblemKind.Invalid, "Input.Website");
        }
        var kind = byStaff && command.Kind is { } chosen ? chosen : organization.Kind;
        static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        var before = Describe(organization);
        var renamed = organization.NameKo != command.NameKo.Trim() || organization.NameEn != Clean(command.NameEn);
        organization.Update(kind, command.NameKo.Trim(), Clean(command.NameEn), Clean(command.RegionKo), Clean(command.RegionEn), command.Employees,
            command.FoundedYear, Clean(command.Website), now);
        var after = Describe(organization);
        var changes = before.Keys.Where(k => before[k] != after[k]).Select(k => $"{k}: {before[k]} → {after[k]}").ToList();
        if (changes.Count == 0)
        {
            return;
        }
        audit.Add(AuditActions.OrganizationChanged, $"organization:{organization.BusinessNumber}", string.Join("; ", changes));
        if (renamed)
        {
            // The supplier's names are part of its products' search text.
            foreach (var product in await db.Products.Where(p => p.OrganizationId == organizationId).WithSearchText().ToListAsync(cancellationToken))
            {
                product.Reindex();
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Dictionary<string, string> Describe(Organization o) => new()
    {
        ["kind"] = o.Kind.ToString(), ["name_ko"] = o.NameKo, ["name_en"] = o.NameEn ?? "", ["region_ko"] = o.RegionKo ?? "", ["region_en"] = o.RegionEn ?? "",
        ["employees"] = o.Employees?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["founded_year"] = o.FoundedYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", ["website"] = o.Website ?? "",
    };
}
