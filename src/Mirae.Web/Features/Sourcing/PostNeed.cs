using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>
/// A buyer's member posts a need for a material, public or for invited suppliers. The caller has authorized
/// <see cref="SourcingOperations.ActAsBuyer"/> on the buyer (as every sourcing page does before it acts).
/// </summary>
public sealed class PostNeed(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<int> HandleAsync(int buyerId, Need.Terms terms, Guid memberId, CancellationToken cancellationToken)
    {
        if (!await db.Materials.AnyAsync(m => m.Id == terms.MaterialId, cancellationToken))
        {
            throw new DomainException("need.material-unknown", "Need.MaterialUnknown", ProblemKind.Invalid);
        }
        var need = Need.Post(buyerId, terms, memberId, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken); // the audit names the new id
        db.Needs.Add(need);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(AuditActions.NeedPosted, $"need:{need.Id}", need.Title);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return need.Id;
    }
}
