using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Administration;

/// <summary>The staff area's home: its groups of work as cards, the same entries as the side navigation.</summary>
[Authorize(Policy = AdministrationPolicies.ProgramStaff)]
public sealed class StaffHomeModel(SiteNavigation navigation, ReadLedger ledger) : PageModel
{
    public IReadOnlyList<IGrouping<StaffArea, NavEntry>> Areas { get; private set; } = [];

    /// <summary>The public log refused to sign after its latest checkpoint: shown at the top until it signs again.</summary>
    public bool LedgerRefusing { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Areas = navigation.StaffAreas(User);
        var alert = (await ledger.AlertsAsync(cancellationToken)).FirstOrDefault();
        LedgerRefusing = alert is not null && (await ledger.LatestCheckpointAsync(cancellationToken) is not { } latest || alert.DetectedAt > latest.SignedAt);
    }
}
