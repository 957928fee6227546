using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

/// <summary>
/// The daily job: every certificate that expires within <see cref="WithinDays"/> days (KST) is flagged to the
/// owning organization's approved members, once per certificate and expiry date, however often the job runs.
/// </summary>
public sealed class FlagExpiringCertificates(AppDbContext db, Notify notify, TimeProvider clock) : IScheduledJob
{
    public const string JobName = "directory.flag-expiring-certificates";
    public const int WithinDays = 30;

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToKst().DateTime);
        var until = today.AddDays(WithinDays);
        var expiring = await db.ProductCertificates.AsNoTracking()
            .Where(c => c.IssuedOn <= today && c.ExpiresOn >= today && c.ExpiresOn <= until)
            .Join(db.Products, c => c.ProductId, p => p.Id, (c, p) => new { c.Id, c.Code, c.ExpiresOn, ProductId = p.Id, p.NameKo, p.NameEn, p.OrganizationId })
            .ToListAsync(cancellationToken);
        var organizations = expiring.Select(e => e.OrganizationId).Distinct().ToList();
        var members = await db.Memberships.ApprovedMembersOfAsync(organizations, cancellationToken);
        var notified = await notify.AddAsync(expiring.Select(c => new Notify.Message(members[c.OrganizationId].ToList(),
                $"certificate-expiring:{c.Id}:{c.ExpiresOn:yyyy-MM-dd}", "Notification.CertificateExpiring", $"/directory/products/{c.ProductId}/edit",
                [Notify.Both(c.NameKo, c.NameEn), c.Code, c.ExpiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]))
            .ToList(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return $"{expiring.Count} certificates expire by {until:yyyy-MM-dd}; {notified} notifications added";
    }
}
