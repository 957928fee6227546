using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using System.Text.Json.Nodes;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Notifications;

namespace Mirae.Web.Features.Sourcing;

/// <summary>
/// The supplier files a change notice for its product; every buyer qualifying it now is addressed and notified (the caller
/// authorized <see cref="SourcingOperations.ActAsSupplier"/> on the product's organization).
/// </summary>
public sealed class FileChangeNotice(AppDbContext db, AuditLog audit, Notify notify, LedgerRecords ledger, TimeProvider clock)
{
    /// <summary>An upload as the page received it.</summary>
    public sealed record Upload(Stream Content, long Length, string FileName);

    public async Task<int> HandleAsync(int productId, ChangeCategory category, string description, string affectedLots, DateOnly effectiveOn, Guid memberId,
        CancellationToken cancellationToken, Upload? document = null)
    {
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => new { p.OrganizationId, p.Organization.BusinessNumber, p.Code, p.NameKo, p.NameEn })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("product");
        var buyers = await db.Qualifications.Where(q => q.ProductId == productId
                && (q.Decision == QualificationDecision.Approved || q.Decision == QualificationDecision.Conditional))
            .Select(q => q.BuyerId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        StoredFile? file = null;
        if (document is not null)
        {
            var accepted = await FileTypes.ReadAsync(document.Content, document.Length, document.FileName, ProductDocument.AllowedTypes, ProductDocument.MaxBytes,
                cancellationToken);
            file = StoredFile.Create(FileTypes.SafeName(document.FileName), accepted, now);
        }
        var notice = ChangeNotice.Create(productId, category, description, affectedLots, effectiveOn, buyers, memberId, now, DateOnly.FromDateTime(now.ToKst().Date), file);
        // The notice's id keys its notifications: one transaction, so a notice is never saved without them.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ChangeNotices.Add(notice);
        await db.SaveChangesAsync(cancellationToken);
        var members = await db.Memberships.ApprovedMembersOfAsync(buyers, cancellationToken);
        await notify.AddAsync(buyers.Select(b => new Notify.Message(members[b].ToList(), $"change:{notice.Id}:buyer:{b}", "Notification.ChangeNotice",
            "/my/qualifications", [Notify.Both(product.NameKo, product.NameEn), product.Code, effectiveOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)])).ToList(), cancellationToken);
        // The supplier's proof that it gave notice, and when: the text and the document by their hashes (they may be
        // confidential), and never which buyers were addressed (their qualifications are theirs to share).
        ledger.Add(LedgerKinds.ChangeNotified, $"product:{product.BusinessNumber}/{product.Code}", new JsonObject
        {
            ["changeNoticeId"] = notice.Id,
            ["businessNumber"] = product.BusinessNumber,
            ["productCode"] = product.Code,
            ["category"] = category.ToString(),
            ["effectiveOn"] = effectiveOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["filedOn"] = notice.FiledAt.ToKst().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["descriptionSha256"] = LedgerRecords.Sha256(notice.Description),
            ["affectedLotsSha256"] = LedgerRecords.Sha256(notice.AffectedLots),
            ["documentSha256"] = file?.Sha256,
        });
        audit.Add(AuditActions.ChangeFiled, $"product:{productId}", $"{category} effective {effectiveOn:yyyy-MM-dd}, {buyers.Count} buyers");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return notice.Id;
    }
}
