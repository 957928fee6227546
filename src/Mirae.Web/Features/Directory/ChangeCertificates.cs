using System.Globalization;
using System.Text.Json.Nodes;
using Mirae.Web.Data;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Features.Audit;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

/// <summary>Adds or removes one certificate of a product. The caller has authorized the product's organization.</summary>
public sealed class ChangeCertificates(AppDbContext db, AuditLog audit, LedgerRecords ledger, TimeProvider clock)
{
    public async Task AddAsync(int productId, string code, DateOnly issuedOn, DateOnly expiresOn, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.LockAsync($"product-certificates:{productId}", cancellationToken); // at most 30, no duplicate, in parallel too
        var product = await db.LoadProductForEditAsync(productId, cancellationToken) ?? throw new NotFoundException("product");
        product.AddCertificate(code, issuedOn, expiresOn, clock.GetUtcNow());
        audit.Add(AuditActions.ProductChanged, $"product:{product.Organization.BusinessNumber}/{product.Code}", $"certificate added {code} {issuedOn:yyyy-MM-dd}..{expiresOn:yyyy-MM-dd}");
        ledger.Add(LedgerKinds.CertificateRegistered, $"product:{product.Organization.BusinessNumber}/{product.Code}", new JsonObject
        {
            ["businessNumber"] = product.Organization.BusinessNumber,
            ["productCode"] = product.Code,
            ["certificate"] = code,
            ["issuedOn"] = issuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["expiresOn"] = expiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RemoveAsync(int productId, int certificateId, CancellationToken cancellationToken = default)
    {
        var product = await db.LoadProductForEditAsync(productId, cancellationToken) ?? throw new NotFoundException("product");
        var code = product.Certificates.FirstOrDefault(c => c.Id == certificateId)?.Code;
        product.RemoveCertificate(certificateId, clock.GetUtcNow());
        audit.Add(AuditActions.ProductChanged, $"product:{product.Organization.BusinessNumber}/{product.Code}", $"certificate removed {code}");
        await db.SaveChangesAsync(cancellationToken);
    }
}
