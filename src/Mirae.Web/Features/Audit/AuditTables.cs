using Microsoft.EntityFrameworkCore;
using Mirae.Web.Features.Audit;

namespace Mirae.Web.Data;

/// <summary>The tables of the audit feature (its part of the one context; the mapping is in its configurations).</summary>
public sealed partial class AppDbContext
{
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
}
