using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Applications;
using Mirae.Web.Features.Calls;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Evaluation;

/// <summary>
/// The evaluator's side: their assignments, the conflict declaration before anything of the application is shown,
/// and the rubric scored, saved and submitted. An evaluator only ever sees their own scores.
/// </summary>
public sealed class ScoreApplication(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public sealed record Row(int Id, int CallId, string CallTitleKo, string CallTitleEn, string? ReceiptNumber, string ApplicantName, bool Declared, bool Conflicted,
        bool Submitted, bool PanelClosed);

    public sealed record Attachment(int Id, string FieldKey, string FileName, long Length);

    public sealed record Sheet(int Id, int CallId, string CallTitleKo, string CallTitleEn, int ApplicationId, string? ReceiptNumber, string ApplicantName,
        IReadOnlyList<Criterion> Rubric, IReadOnlyList<FormSection> Form, IReadOnlyDictionary<string, string> Answers, IReadOnlyList<Attachment> Attachments,
        bool Declared, bool Conflicted, string? ConflictNote, IReadOnlyList<CriterionScore> Points, string Opinion, int? Score, DateTimeOffset? SubmittedAt,
        bool PanelClosed)
    {
        /// <summary>The application may be read: the evaluator declared no conflict.</summary>
        public bool MayRead => Declared && !Conflicted;
    }

    public async Task<IReadOnlyList<Row>> ListAsync(Guid userId, CancellationToken cancellationToken) =>
        await (from a in db.Assignments.AsNoTracking()
               where a.Evaluator.UserId == userId
               join p in db.Panels on a.PanelId equals p.Id
               join c in db.Calls on p.CallId equals c.Id
               join x in db.Applications on a.ApplicationId equals x.Id
               join o in db.Organizations on x.OrganizationId equals o.Id
               orderby a.SubmittedAt != null, c.Id, a.Id
               select new Row(a.Id, c.Id, c.TitleKo, c.TitleEn, x.ReceiptNumber, o.NameKo, a.DeclaredAt != null, a.Conflicted, a.SubmittedAt != null, p.ClosedAt != null))
            .ToListAsync(cancellationToken);

    /// <summary>The evaluator's own sheet; the application's answers only once no conflict was declared.</summary>
    public async Task<Sheet?> GetAsync(int assignmentId, Guid userId, CancellationToken cancellationToken)
    {
        var row = await (from s in db.Assignments.AsNoTracking()
                         where s.Id == assignmentId && s.Evaluator.UserId == userId
                         join p in db.Panels on s.PanelId equals p.Id
                         join c in db.Calls on p.CallId equals c.Id
                         join x in db.Applications on s.ApplicationId equals x.Id
                         join o in db.Organizations on x.OrganizationId equals o.Id
                         select new { Assignment = s, c.Id, c.TitleKo, c.TitleEn, c.Rubric, c.Form, x.ReceiptNumber, o.NameKo, x.Answers, Closed = p.ClosedAt != null })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var a = row.Assignment;
        var open = a.DeclaredAt is not null && !a.Conflicted;
        var attachments = open
            ? await db.Applications.AsNoTracking().Where(x => x.Id == a.ApplicationId).SelectMany(x => x.Attachments)
                .OrderBy(x => x.FieldKey).ThenBy(x => x.Id).Select(x => new Attachment(x.Id, x.FieldKey, x.File.FileName, x.File.Length)).ToListAsync(cancellationToken)
            : [];
        return new Sheet(a.Id, row.Id, row.TitleKo, row.TitleEn, a.ApplicationId, row.ReceiptNumber, row.NameKo, row.Rubric, row.Form,
            open ? row.Answers : new Dictionary<string, string>(), attachments, a.DeclaredAt is not null, a.Conflicted, a.ConflictNote, a.Points, a.Opinion,
            a.Score, a.SubmittedAt, row.Closed);
    }

    public async Task DeclareAsync(int assignmentId, Guid userId, bool conflicted, string? note, CancellationToken cancellationToken)
    {
        var (assignment, _) = await LoadAsync(assignmentId, userId, cancellationToken);
        assignment.Declare(conflicted, note, clock.GetUtcNow());
        if (conflicted)
        {
            audit.Add(AuditActions.ConflictDeclared, $"application:{assignment.ApplicationId}", $"evaluator:{assignment.EvaluatorId}: {assignment.ConflictNote}");
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SaveAsync(int assignmentId, Guid userId, IReadOnlyList<CriterionScore> points, string opinion, bool submit, CancellationToken cancellationToken)
    {
        var (assignment, rubric) = await LoadAsync(assignmentId, userId, cancellationToken);
        assignment.Save(rubric, points, opinion, submit, clock.GetUtcNow());
        if (submit)
        {
            audit.Add(AuditActions.ScoreSubmitted, $"application:{assignment.ApplicationId}", $"evaluator:{assignment.EvaluatorId}");
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The assignment of this evaluator, on an open panel, with a fresh conflict check (the pool may have changed since assignment).</summary>
    private async Task<(Assignment Assignment, IReadOnlyList<Criterion> Rubric)> LoadAsync(int assignmentId, Guid userId, CancellationToken cancellationToken)
    {
        var assignment = await db.Assignments.Include(a => a.Evaluator).SingleOrDefaultAsync(a => a.Id == assignmentId && a.Evaluator.UserId == userId, cancellationToken)
            ?? throw new NotFoundException("assignment");
        var context = await (from p in db.Panels
                             where p.Id == assignment.PanelId
                             join c in db.Calls on p.CallId equals c.Id
                             select new { Panel = p, c.Rubric, c.Id }).SingleAsync(cancellationToken);
        context.Panel.EnsureOpen();
        var applicant = (await db.Applications.AsNoTracking().Where(x => x.Id == assignment.ApplicationId)
            .Join(db.Organizations, x => x.OrganizationId, o => o.Id, (x, o) => new { o.Id, o.BusinessNumber, o.NameKo }).SingleAsync(cancellationToken));
        var members = await db.Memberships.ApprovedMemberIds(applicant.Id).ToListAsync(cancellationToken);
        if (!assignment.Evaluator.Active
            || Conflicts.Detect(assignment.Evaluator, new Applicant(assignment.ApplicationId, applicant.BusinessNumber, applicant.NameKo, members, null),
                clock.GetUtcNow().ToKst().Year).Count > 0)
        {
            throw new DomainException("assignment.conflict", "Assignment.ConflictDetected");
        }
        return (assignment, context.Rubric);
    }
}
