using System.Security.Claims;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Audit;

/// <summary>Adds audit events to the current unit of work, so they commit (or not) with the change they describe.</summary>
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public void Add(string action, string subject, string detail = "")
    {
        var context = http.HttpContext;
        var user = context?.User;
        Guid? actorId = Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
        db.AuditEvents.Add(AuditEvent.Create(clock.GetUtcNow(), actorId, user?.Identity?.Name ?? "system", action, subject, detail,
            context?.Connection.RemoteIpAddress?.ToString() ?? ""));
    }
}
