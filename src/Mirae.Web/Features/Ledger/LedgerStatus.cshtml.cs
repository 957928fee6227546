using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Administration;

namespace Mirae.Web.Features.Ledger;

/// <summary>The log as staff watch it: how many entries, the latest checkpoint, the key, and every refusal to sign.</summary>
[Authorize(Policy = AdministrationPolicies.ProgramStaff)]
public sealed class LedgerStatusModel(AppDbContext db, ReadLedger read, LedgerKey key) : PageModel
{
    public long Numbered { get; private set; }
    public int Waiting { get; private set; }
    public LedgerCheckpoint? Latest { get; private set; }
    public IReadOnlyList<LedgerAlert> Alerts { get; private set; } = [];
    public IReadOnlyList<LedgerCosignature> Cosignatures { get; private set; } = [];
    public IReadOnlyList<LedgerAnchor> Anchors { get; private set; } = [];
    public string Origin => key.Origin;
    public string? KeyId { get; private set; }

    /// <summary>The latest refusal came after the latest checkpoint: the log is not being signed.</summary>
    public bool Refusing => Alerts.Count > 0 && (Latest is null || Alerts[0].DetectedAt > Latest.SignedAt);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Numbered = await read.SizeAsync(cancellationToken);
        Waiting = await db.LedgerEntries.CountAsync(e => e.Index == null, cancellationToken);
        Latest = await read.LatestCheckpointAsync(cancellationToken);
        Alerts = await read.AlertsAsync(cancellationToken);
        Anchors = await db.LedgerAnchors.AsNoTracking().OrderByDescending(a => a.Id).Take(10).ToListAsync(cancellationToken);
        Cosignatures = Latest is null ? [] : await read.CosignaturesAsync([Latest.Size], cancellationToken);
        KeyId = key.PublicKeyPem is { } pem ? LedgerApi.KeyIdOf(pem) : null;
    }
}
