using Microsoft.EntityFrameworkCore;
using Mirae.Web.Features.Ledger;

namespace Mirae.Web.Data;

public sealed partial class AppDbContext
{
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<LedgerNode> LedgerNodes => Set<LedgerNode>();
    public DbSet<LedgerCheckpoint> LedgerCheckpoints => Set<LedgerCheckpoint>();
    public DbSet<LedgerAlert> LedgerAlerts => Set<LedgerAlert>();
    public DbSet<LedgerCosignature> LedgerCosignatures => Set<LedgerCosignature>();
    public DbSet<LedgerAnchor> LedgerAnchors => Set<LedgerAnchor>();
}
