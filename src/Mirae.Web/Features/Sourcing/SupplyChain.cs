using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>
/// From matched product to qualified supply: buyers record sample tests and qualification decisions (sharing a
/// summary if they choose), suppliers file change notices that reach exactly the buyers that qualified the product,
/// and those buyers acknowledge them.
/// </summary>
public sealed class SupplyChain(AppDbContext db, AuditLog audit, Notify notify, TimeProvider clock)
{
    public sealed record QualificationRow(int Id, int BuyerId, string BuyerKo, int ProductId, string ProductCode, string ProductKo, string SupplierKo,
        QualificationDecision Decision, DateOnly? NextReviewOn, bool Shared, string Summary, IReadOnlyList<SampleTest> Tests, DateTimeOffset UpdatedAt,
        DateOnly? SupplyingSince);

    /// <summary>Another buyer's shared summary: the decision and its summary text, never the test results.</summary>
    public sealed record SharedSummary(string BuyerKo, QualificationDecision Decision, string Summary, DateTimeOffset UpdatedAt);

    public sealed record NoticeRow(int Id, int ProductId, string ProductCode, string ProductKo, string SupplierKo, ChangeCategory Category, string Description,
        string AffectedLots, DateOnly EffectiveOn, DateTimeOffset FiledAt, IReadOnlyList<(int BuyerId, string BuyerKo, DateTimeOffset? AcknowledgedAt)> Buyers,
        string? DocumentName);

    public async Task<int> RecordAsync(int buyerId, string productCode, QualificationDecision decision, DateOnly? nextReviewOn, bool shared, string summary,
        IReadOnlyList<SampleTest> tests, Guid memberId, CancellationToken cancellationToken, DateOnly? supplyingSince = null, string? supplierNumber = null)
    {
        await RequireMemberAsync(buyerId, OrganizationKind.Buyer, memberId, cancellationToken);
        // Codes are unique per supplier, not across the directory: the supplier's business number settles a shared code.
        var matching = await db.Products.Where(p => p.Code == productCode.Trim() && (supplierNumber == null || p.Organization.BusinessNumber == supplierNumber))
            .Select(p => p.Id).Take(2).ToListAsync(cancellationToken);
        var productId = matching switch
        {
            [var only] => only,
            [] => throw new DomainException("qualification.product-unknown", "Qualification.ProductUnknown", ProblemKind.Invalid),
            _ => throw new DomainException("qualification.product-ambiguous", "Qualification.ProductAmbiguous", ProblemKind.Invalid),
        };
        var now = clock.GetUtcNow();
        var qualification = await db.Qualifications.SingleOrDefaultAsync(q => q.BuyerId == buyerId && q.ProductId == productId, cancellationToken);
        if (qualification is null)
        {
            qualification = Qualification.Start(buyerId, productId, memberId, now);
            db.Qualifications.Add(qualification);
        }
        qualification.Record(decision, nextReviewOn, shared, summary, tests, memberId, now, supplyingSince);
        audit.Add(AuditActions.QualificationRecorded, $"product:{productId}", $"buyer:{buyerId} {decision} shared={shared} tests={tests.Count}");
        await db.SaveChangesAsync(cancellationToken);
        return qualification.Id;
    }

    /// <summary>The qualifications of the member's buyer organizations, with their test results.</summary>
    public async Task<IReadOnlyList<QualificationRow>> OwnAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var mine = MemberOrganizations(memberId);
        return await (from q in db.Qualifications.AsNoTracking()
                      where mine.Contains(q.BuyerId)
                      join b in db.Organizations on q.BuyerId equals b.Id
                      join p in db.Products on q.ProductId equals p.Id
                      orderby q.UpdatedAt descending, q.Id descending
                      select new QualificationRow(q.Id, q.BuyerId, b.NameKo, p.Id, p.Code, p.NameKo, p.Organization.NameKo, q.Decision, q.NextReviewOn, q.Shared,
                          q.Summary, q.Tests, q.UpdatedAt, q.SupplyingSince)).ToListAsync(cancellationToken);
    }

    /// <summary>Other buyers' shared summaries of a product (what anyone matching it may read).</summary>
    public async Task<IReadOnlyList<SharedSummary>> SharedAsync(int productId, CancellationToken cancellationToken) =>
        await db.Qualifications.AsNoTracking().Where(q => q.ProductId == productId && q.Shared && q.Decision != QualificationDecision.Testing)
            .Join(db.Organizations, q => q.BuyerId, o => o.Id, (q, o) => new SharedSummary(o.NameKo, q.Decision, q.Summary, q.UpdatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>The supplier files a change notice for its product; every buyer qualifying it now is addressed and notified.</summary>
    /// <summary>An upload as the page received it.</summary>
    public sealed record Upload(Stream Content, long Length, string FileName);

    public async Task<int> FileChangeAsync(int productId, ChangeCategory category, string description, string affectedLots, DateOnly effectiveOn, Guid memberId,
        CancellationToken cancellationToken, Upload? document = null)
    {
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => new { p.OrganizationId, p.Code, p.NameKo })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("product");
        await RequireMemberAsync(product.OrganizationId, OrganizationKind.Supplier, memberId, cancellationToken);
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
            "/my/qualifications", [product.NameKo, product.Code, effectiveOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)])).ToList(), cancellationToken);
        audit.Add(AuditActions.ChangeFiled, $"product:{productId}", $"{category} effective {effectiveOn:yyyy-MM-dd}, {buyers.Count} buyers");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return notice.Id;
    }

    public async Task AcknowledgeAsync(int noticeId, int buyerId, Guid memberId, CancellationToken cancellationToken)
    {
        await RequireMemberAsync(buyerId, OrganizationKind.Buyer, memberId, cancellationToken);
        var notice = await db.ChangeNotices.Include(n => n.Acknowledgements).SingleOrDefaultAsync(n => n.Id == noticeId, cancellationToken)
            ?? throw new NotFoundException("change notice");
        notice.Acknowledge(buyerId, memberId, clock.GetUtcNow());
        audit.Add(AuditActions.ChangeAcknowledged, $"change:{noticeId}", $"buyer:{buyerId}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A notice's document, for the supplier's members and the addressed buyers' members only; null otherwise.</summary>
    public async Task<(string FileName, FileType Type, byte[] Bytes)?> DocumentAsync(int noticeId, Guid memberId, CancellationToken cancellationToken)
    {
        var mine = MemberOrganizations(memberId);
        var file = await db.ChangeNotices.AsNoTracking()
            .Where(n => n.Id == noticeId && n.File != null
                && (db.Products.Any(p => p.Id == n.ProductId && mine.Contains(p.OrganizationId)) || n.Acknowledgements.Any(a => mine.Contains(a.BuyerId))))
            .Select(n => new { n.File!.FileName, n.File.Type, n.File.Content.Bytes }).SingleOrDefaultAsync(cancellationToken);
        return file is null ? null : (file.FileName, file.Type, file.Bytes);
    }

    /// <summary>Change notices addressed to the member's buyer organizations, or filed for their supplier organizations' products.</summary>
    public async Task<IReadOnlyList<NoticeRow>> NoticesAsync(Guid memberId, bool asSupplier, CancellationToken cancellationToken)
    {
        var mine = MemberOrganizations(memberId);
        var notices = db.ChangeNotices.AsNoTracking().Where(n => asSupplier
            ? db.Products.Any(p => p.Id == n.ProductId && mine.Contains(p.OrganizationId))
            : n.Acknowledgements.Any(a => mine.Contains(a.BuyerId)));
        var rows = await (from n in notices
                          join p in db.Products on n.ProductId equals p.Id
                          orderby n.FiledAt descending, n.Id descending
                          select new
                          {
                              n.Id, n.ProductId, p.Code, p.NameKo, SupplierKo = p.Organization.NameKo, n.Category, n.Description, n.AffectedLots, n.EffectiveOn, n.FiledAt,
                              DocumentName = n.File != null ? n.File.FileName : null,
                              Buyers = n.Acknowledgements.Join(db.Organizations, a => a.BuyerId, o => o.Id, (a, o) => new { a.BuyerId, o.NameKo, a.AcknowledgedAt }).ToList(),
                          }).ToListAsync(cancellationToken);
        var myIds = await mine.ToListAsync(cancellationToken);
        return rows.Select(r => new NoticeRow(r.Id, r.ProductId, r.Code, r.NameKo, r.SupplierKo, r.Category, r.Description, r.AffectedLots, r.EffectiveOn, r.FiledAt,
            // A buyer sees only its own acknowledgement; the supplier sees every addressed buyer.
            r.Buyers.Where(b => asSupplier || myIds.Contains(b.BuyerId)).Select(b => (b.BuyerId, b.NameKo, b.AcknowledgedAt)).ToList(), r.DocumentName)).ToList();
    }

    private IQueryable<int> MemberOrganizations(Guid memberId) =>
        db.Memberships.Where(m => m.UserId == memberId && m.Status == MembershipStatus.Approved).Select(m => m.OrganizationId);

    private async Task RequireMemberAsync(int organizationId, OrganizationKind kind, Guid memberId, CancellationToken cancellationToken)
    {
        if (!await db.Memberships.IsApprovedMemberAsync(memberId, organizationId, cancellationToken)
            || !await db.Organizations.AnyAsync(o => o.Id == organizationId && o.Kind == kind, cancellationToken))
        {
            throw new DomainException("supply.not-member", kind == OrganizationKind.Buyer ? "Need.NotBuyer" : "Change.NotSupplier", ProblemKind.Forbidden);
        }
    }
}
