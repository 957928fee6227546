using Mirae.Web.Data;
using System.Text.Json.Nodes;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

/// <summary>
/// Attaches a checked file to a product as a document, or removes one. The caller has authorized the
/// product's organization; a file that fails a check changes nothing.
/// </summary>
public sealed class ChangeDocuments(AppDbContext db, AuditLog audit, LedgerRecords ledger, TimeProvider clock)
{
    public async Task<int> UploadAsync(int productId, DocumentKind kind, string fileName, long length, Stream content, Guid uploadedById,
        CancellationToken cancellationToken = default)
    {
        var accepted = await FileTypes.ReadAsync(content, length, fileName, ProductDocument.AllowedTypes, ProductDocument.MaxBytes, cancellationToken);
        await using var transaction = await db.LockAsync($"product-documents:{productId}", cancellationToken); // at most 20, in parallel too
        var product = await db.LoadProductForEditAsync(productId, cancellationToken) ?? throw new NotFoundException("product");
        var now = clock.GetUtcNow();
        var file = StoredFile.Create(fileName, accepted, now);
        db.StoredFiles.Add(file);
        var document = product.AddDocument(kind, file, uploadedById, now);
        audit.Add(AuditActions.ProductChanged, $"product:{product.Organization.BusinessNumber}/{product.Code}",
            $"document added {kind} {file.FileName} sha256:{file.Sha256}");
        // The file's hash, not the file (nor its name, which may name a person), goes into the verifiable log.
        ledger.Add(LedgerKinds.DocumentRegistered, $"product:{product.Organization.BusinessNumber}/{product.Code}", new JsonObject
        {
            ["businessNumber"] = product.Organization.BusinessNumber,
            ["productCode"] = product.Code,
            ["documentKind"] = kind.ToString(),
            ["sha256"] = file.Sha256,
            ["bytes"] = file.Length,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return document.Id;
    }

    public async Task RemoveAsync(int productId, int documentId, CancellationToken cancellationToken = default)
    {
        var product = await db.LoadProductForEditAsync(productId, cancellationToken) ?? throw new NotFoundException("product");
        var document = product.RemoveDocument(documentId, clock.GetUtcNow());
        db.StoredFiles.Remove(document.File);
        audit.Add(AuditActions.ProductChanged, $"product:{product.Organization.BusinessNumber}/{product.Code}",
            $"document removed {document.Kind} {document.File.FileName}");
        await db.SaveChangesAsync(cancellationToken);
    }
}
