using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Evaluation;

/// <summary>The evaluator pool: staff invite experts with a sign-up link and deactivate them; the invitee joins signed in.</summary>
public sealed class EvaluatorPool(AppDbContext db, AuditLog audit, UserManager<AppUser> users, TimeProvider clock)
{
    public sealed record Row(int Id, string Name, string Email, string Affiliation, IReadOnlyList<string> Fields, bool Active, bool Joined,
        DateTimeOffset InvitedAt, int Assignments, int Submitted);

    public async Task<IReadOnlyList<Row>> ListAsync(CancellationToken cancellationToken) =>
        await db.Evaluators.AsNoTracking().OrderBy(e => e.Name).ThenBy(e => e.Id)
            .Select(e => new Row(e.Id, e.Name, e.Email, e.Affiliation, e.Fields, e.Active, e.UserId != null, e.InvitedAt,
                db.Assignments.Count(a => a.EvaluatorId == e.Id), db.Assignments.Count(a => a.EvaluatorId == e.Id && a.SubmittedAt != null)))
            .ToListAsync(cancellationToken);

    public Task<SupportFields> FieldsAsync(CancellationToken cancellationToken) => SupportFields.LoadAsync(db, null, cancellationToken);

    /// <summary>Adds the expert to the pool; returns the token of the sign-up link to send (valid for 14 days).</summary>
    public async Task<string> InviteAsync(string email, string name, string affiliation, string? affiliationBusinessNumber, IReadOnlyList<string> fields,
        IReadOnlyList<HistoryEntry> history, IReadOnlyList<string> relations, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        if (await db.Evaluators.AnyAsync(e => e.Email == normalized, cancellationToken))
        {
            throw new DomainException("evaluator.duplicate", "Evaluator.Duplicate");
        }
        var (evaluator, token) = Evaluator.Invite(normalized, name, affiliation, affiliationBusinessNumber, fields, history, relations, clock.GetUtcNow());
        db.Evaluators.Add(evaluator);
        audit.Add(AuditActions.EvaluatorInvited, $"evaluator:{normalized}", name);
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    public async Task SetActiveAsync(int id, bool active, CancellationToken cancellationToken)
    {
        var evaluator = await db.Evaluators.SingleOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new NotFoundException("evaluator");
        if (active)
        {
            evaluator.Reactivate();
        }
        else
        {
            evaluator.Deactivate();
        }
        audit.Add(AuditActions.EvaluatorActivation, $"evaluator:{id}", active ? "active" : "inactive");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The signed-in member accepts the invitation and gets the evaluator role.</summary>
    public async Task JoinAsync(string token, Guid userId, CancellationToken cancellationToken)
    {
        var hash = Evaluator.Hash(token);
        var evaluator = await db.Evaluators.SingleOrDefaultAsync(e => e.InvitationHash == hash, cancellationToken)
            ?? throw new DomainException("evaluator.invitation-invalid", "Evaluator.InvitationInvalid");
        if (await db.Evaluators.AnyAsync(e => e.UserId == userId, cancellationToken))
        {
            throw new DomainException("evaluator.already-joined", "Evaluator.AlreadyJoined");
        }
        evaluator.Join(token, userId, clock.GetUtcNow());
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("user");
        // The link is for the address it was sent to (whose account confirmed it), not for whoever holds it (issue 17.3).
        if (!string.Equals(user.Email?.Trim(), evaluator.Email, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException("evaluator.invitation-other-email", "Evaluator.InvitationOtherEmail", ProblemKind.Forbidden);
        }
        if (!await users.IsInRoleAsync(user, Roles.Evaluator))
        {
            var added = await users.AddToRoleAsync(user, Roles.Evaluator);
            if (!added.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", added.Errors.Select(e => e.Description)));
            }
        }
        audit.Add(AuditActions.EvaluatorJoined, $"evaluator:{evaluator.Id}", userId.ToString());
        await db.SaveChangesAsync(cancellationToken);
    }
}
