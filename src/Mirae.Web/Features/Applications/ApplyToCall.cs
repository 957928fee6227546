using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Calls;

namespace Mirae.Web.Features.Applications;

/// <summary>
/// A member applies for their organization: start (or resume) the draft, save answers, attach files, submit, withdraw.
/// The caller has authorized <see cref="ApplicationOperations.Edit"/> on the organization. Whatever is refused
/// (a wrong answer, a disguised file, the deadline) leaves the application exactly as it was.
/// </summary>
public sealed class ApplyToCall(AppDbContext db, AuditLog audit, Notify notify, TimeProvider clock)
{
    public sealed record Submission(string? ReceiptNumber, IReadOnlyList<AnswerCheck.Problem> Problems);

    /// <summary>The organization's application to the call: the existing one, or a new draft (<paramref name="Created"/>).</summary>
    public sealed record Started(int Id, bool Created);

    /// <summary>The organization's application to the call: the existing one, or a new draft.</summary>
    public async Task<Started> StartAsync(int callId, int organizationId, Guid memberId, CancellationToken cancellationToken = default)
    {
        var existing = await db.Applications.Where(a => a.CallId == callId && a.OrganizationId == organizationId).Select(a => (int?)a.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (existing is int id)
        {
            return new Started(id, Created: false);
        }
        var call = await db.Calls.SingleOrDefaultAsync(c => c.Id == callId, cancellationToken) ?? throw new NotFoundException("call");
        var application = Application.Start(call, organizationId, memberId, clock.GetUtcNow());
        db.Applications.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        return new Started(application.Id, Created: true);
    }

    /// <summary>Saves the answers as a draft; with any answer of the wrong type or length nothing is saved and the problems are returned.</summary>
    public async Task<IReadOnlyList<AnswerCheck.Problem>> SaveDraftAsync(int applicationId, IReadOnlyDictionary<string, string> answers,
        CancellationToken cancellationToken = default)
    {
        var (application, call) = await LoadAsync(applicationId, cancellationToken);
        var kept = Known(call, answers);
        var problems = AnswerCheck.Check(call.Form, kept, application.FileCounts, complete: false);
        if (problems.Count == 0)
        {
            application.SaveDraft(call, kept, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        return problems;
    }

    /// <summary>
    /// Saves the answers, then submits when they are complete and every required document is attached. Answers of the
    /// wrong type save nothing; missing answers or documents keep the draft saved but not submitted.
    /// </summary>
    public async Task<Submission> SubmitAsync(int applicationId, IReadOnlyDictionary<string, string> answers, Guid memberId,
        CancellationToken cancellationToken = default)
    {
        var (application, call) = await LoadAsync(applicationId, cancellationToken);
        var kept = Known(call, answers);
        var now = clock.GetUtcNow();
        var wrong = AnswerCheck.Check(call.Form, kept, application.FileCounts, complete: false);
        if (wrong.Count > 0)
        {
            return new Submission(null, wrong);
        }
        application.SaveDraft(call, kept, now);
        var missing = AnswerCheck.Check(call.Form, kept, application.FileCounts, complete: true).ToList();
        missing.AddRange(call.RequiredDocuments.Select((_, i) => Application.DocumentKey(i))
            .Where(key => !application.FileCounts.ContainsKey(key)).Select(key => new AnswerCheck.Problem(key, "Answer.DocumentRequired", [])));
        if (missing.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return new Submission(null, missing);
        }
        var receipt = application.Submit(call, memberId, now);
        audit.Add(AuditActions.ApplicationSubmitted, $"application:{application.Id}", $"call:{call.Id} receipt:{receipt} revision:{application.Revisions.Count}");
        await NotifyMembersAsync(application, call, $"submitted:{application.Revisions.Count}", "Notification.ApplicationSubmitted", [receipt],
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new Submission(receipt, []);
    }

    public async Task WithdrawAsync(int applicationId, CancellationToken cancellationToken = default)
    {
        var (application, call) = await LoadAsync(applicationId, cancellationToken);
        application.Withdraw(call, clock.GetUtcNow());
        audit.Add(AuditActions.ApplicationWithdrawn, $"application:{application.Id}", $"call:{call.Id}");
        await NotifyMembersAsync(application, call, "withdrawn", "Notification.ApplicationWithdrawn", [], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Checks the file by content, type and size and attaches it to a file question or required document.</summary>
    public async Task UploadAsync(int applicationId, string fieldKey, string fileName, long length, Stream content, Guid memberId,
        CancellationToken cancellationToken = default)
    {
        var accepted = await FileTypes.ReadAsync(content, length, fileName, ApplicationAttachment.AllowedTypes, ApplicationAttachment.MaxBytes, cancellationToken);
        await using var transaction = await db.LockAsync($"application-files:{applicationId}", cancellationToken); // a slot's limit holds in parallel too
        var (application, call) = await LoadAsync(applicationId, cancellationToken);
        var maxFiles = MaxFiles(call, fieldKey) ?? throw new DomainException("application.unknown-field", "Answer.UnknownField", ProblemKind.Invalid);
        var now = clock.GetUtcNow();
        var file = StoredFile.Create(fileName, accepted, now);
        db.StoredFiles.Add(file);
        application.Attach(call, fieldKey, maxFiles, file, memberId, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RemoveAttachmentAsync(int applicationId, int attachmentId, CancellationToken cancellationToken = default)
    {
        var (application, call) = await LoadAsync(applicationId, cancellationToken);
        var attachment = application.Detach(call, attachmentId, clock.GetUtcNow());
        db.StoredFiles.Remove(attachment.File);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>How many files a key takes: a file question's limit, one per required document; null for anything else.</summary>
    private static int? MaxFiles(Call call, string key) =>
        ApplicationForm.FileSlots(call.Form, call.RequiredDocuments).FirstOrDefault(s => s.Key == key)?.MaxFiles;

    /// <summary>Only the form's own (non-file) questions are kept; anything else posted is ignored.</summary>
    private static Dictionary<string, string> Known(Call call, IReadOnlyDictionary<string, string> answers)
    {
        var keys = call.Form.SelectMany(s => s.Fields).Where(f => f.Type != FieldType.File).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        return answers.Where(a => keys.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value);
    }

    /// <summary>Tells the applying organization's approved members.</summary>
    private async Task NotifyMembersAsync(Application application, Call call, string what, string messageKey, string[] arguments,
        CancellationToken cancellationToken)
    {
        var members = await db.Memberships.ApprovedMemberIds(application.OrganizationId).ToListAsync(cancellationToken);
        await notify.AddAsync(members, $"application:{application.Id}:{what}", messageKey, $"/applications/{application.Id}", [Notify.Both(call.TitleKo, call.TitleEn), .. arguments],
            cancellationToken);
    }

    private async Task<(Application Application, Call Call)> LoadAsync(int applicationId, CancellationToken cancellationToken)
    {
        var application = await db.Applications.Include(a => a.Attachments).ThenInclude(a => a.File).Include(a => a.Revisions)
            .AsSplitQuery().SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken) ?? throw new NotFoundException("application");
        var call = await db.Calls.SingleAsync(c => c.Id == application.CallId, cancellationToken);
        return (application, call);
    }

    /// <summary>The answers posted by the application page: one value per question, several choices joined by commas.</summary>
    public static Dictionary<string, string> FromForm(IReadOnlyDictionary<string, string[]>? posted) =>
        (posted ?? new Dictionary<string, string[]>()).ToDictionary(p => p.Key,
            p => string.Join(",", p.Value.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim())), StringComparer.Ordinal);
}
