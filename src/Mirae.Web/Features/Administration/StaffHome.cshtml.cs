using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Administration;

/// <summary>The staff area's home: its groups of work as cards, the same entries as the side navigation.</summary>
[Authorize(Policy = AdministrationPolicies.ProgramStaff)]
public sealed class StaffHomeModel(SiteNavigation navigation) : PageModel
{
    public IReadOnlyList<IGrouping<StaffArea, NavEntry>> Areas { get; private set; } = [];

    public void OnGet() => Areas = navigation.StaffAreas(User);
}
