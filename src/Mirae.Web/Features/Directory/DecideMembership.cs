using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

/// <summary>Program staff approve, reject or revoke a membership; the member is told, and the decision is audited.</summary>
public sealed class DecideMembership(AppDbContext db, AuditLog audit, Notify notify, TimeProvider clock)
{
    public enum Decision
    {
        Approve,
        Reject,
        Revoke,
    }

    public sealed record Command(int MembershipId, Decision Decision, string? Reason, Guid StaffId);

    public async Task HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var membership = await db.Memberships.Include(m => m.Organization).SingleOrDefaultAsync(m => m.Id == command.MembershipId, cancellationToken)
            ?? throw new NotFoundException("membership");
        var now = clock.GetUtcNow();
        switch (command.Decision)
        {
            case Decision.Approve:
                membership.Approve(command.StaffId, command.Reason, now);
                break;
            case Decision.Reject:
                membership.Reject(command.StaffId, command.Reason ?? "", now);
                break;
            default:
                membership.Revoke(command.StaffId, command.Reason ?? "", now);
                break;
        }
        audit.Add(AuditActions.MembershipDecided, $"organization:{membership.Organization.BusinessNumber}",
            $"user:{membership.UserId} {membership.Status}: {membership.Reason}");
        await notify.AddAsync([membership.UserId], $"membership:{membership.Id}:{membership.Status}:{now.ToUnixTimeSeconds()}",
            "Notification.Membership" + membership.Status, "/my/organization", [Notify.Both(membership.Organization.NameKo, membership.Organization.NameEn)], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
