using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Calls;

namespace Mirae.Web.Features.Applications;

public enum ApplicationStatus
{
    Draft,
    Submitted,
    Returned,
    ScreenedIn,
    ScreenedOut,
    UnderEvaluation,
    Selected,
    NotSelected,
    Withdrawn,
}

/// <summary>
/// An organization's application (신청서) to a call. Answers are saved as a draft at any time while the call is open;
/// submission checks them completely and gives a receipt number; every submission is kept as a revision. Nothing
/// can be saved, submitted or withdrawn once the call is not open.
/// </summary>
public sealed class Application
{
    public int Id { get; private set; }
    public int CallId { get; private set; }
    public int OrganizationId { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public IReadOnlyDictionary<string, string> Answers { get; private set; } = new Dictionary<string, string>();
    public string? ReceiptNumber { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    /// <summary>The answer to the form's first money question (the amount asked for), kept as a column for totals.</summary>
    public decimal? RequestedAmount { get; private set; }
    /// <summary>Staff's last word to the applicant: why it was returned, or the screening decision's reason.</summary>
    public string? StaffMessage { get; private set; }
    /// <summary>A returned application may be changed and resubmitted until then, even after the call's deadline (보완 기한).</summary>
    public DateTimeOffset? ReturnedUntil { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedById { get; private set; }

    private readonly List<ApplicationRevision> _revisions = [];
    public IReadOnlyList<ApplicationRevision> Revisions => _revisions;

    private readonly List<ApplicationAttachment> _attachments = [];
    public IReadOnlyList<ApplicationAttachment> Attachments => _attachments;

    /// <summary>Attachments held by each file question or required document (<see cref="DocumentKey"/>).</summary>
    public IReadOnlyDictionary<string, int> FileCounts => _attachments.GroupBy(a => a.FieldKey).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The key under which the <paramref name="index"/>-th required document of the call is attached.</summary>
    public static string DocumentKey(int index) => $"document-{index + 1}";

    private Application()
    {
    }

    public static Application Start(Call call, int organizationId, Guid memberId, DateTimeOffset now)
    {
        EnsureOpen(call, now);
        return new() { CallId = call.Id, OrganizationId = organizationId, Status = ApplicationStatus.Draft, CreatedById = memberId, CreatedAt = now, UpdatedAt = now };
    }

    public bool IsEditable => Status is ApplicationStatus.Draft or ApplicationStatus.Returned;

    /// <summary>Keeps the answers as they are (incomplete is fine; checked for type and length by the caller).</summary>
    public void SaveDraft(Call call, IReadOnlyDictionary<string, string> answers, DateTimeOffset now)
    {
        EnsureEditable(call, now);
        Answers = answers.Where(a => !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(a => a.Key, a => a.Value.Trim());
        RequestedAmount = call.Form.SelectMany(s => s.Fields).FirstOrDefault(f => f.Type == FieldType.Money) is { } money
            && Answers.TryGetValue(money.Key, out var value)
            && decimal.TryParse(value.Replace(",", "", StringComparison.Ordinal), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var amount)
                ? amount
                : null;
        UpdatedAt = now;
    }

    /// <summary>Staff send a submitted application back with what to change; the applicant may change and resubmit it until <paramref name="until"/>.</summary>
    public void Return(string message, DateTimeOffset until, Guid staffId, DateTimeOffset now)
    {
        if (until <= now)
        {
            throw new DomainException("application.return-until-past", "Application.ReturnUntilPast", ProblemKind.Invalid);
        }
        Decide(ApplicationStatus.Submitted, ApplicationStatus.Returned, message, required: true, staffId, now);
        ReturnedUntil = until;
    }

    /// <summary>Staff record the screening: eligible or not. Overriding the automatic check needs a reason (the caller decides when).</summary>
    public void Screen(bool eligible, string? reason, bool reasonRequired, Guid staffId, DateTimeOffset now) =>
        Decide(ApplicationStatus.Submitted, eligible ? ApplicationStatus.ScreenedIn : ApplicationStatus.ScreenedOut, reason, reasonRequired, staffId, now);

    /// <summary>
    /// A screened-in application goes to the evaluators, once the call's deadline has passed: until then other
    /// applicants may still apply, and the evaluation (and the results that follow it) would run on an open call.
    /// </summary>
    public void StartEvaluation(Call call, Guid staffId, DateTimeOffset now)
    {
        if (CallWindow.PhaseOf(call.Status, call.OpensAt, call.ClosesAt, now) != CallPhase.Ended)
        {
            throw new DomainException("application.call-not-ended", "Application.CallNotEnded");
        }
        Decide(ApplicationStatus.ScreenedIn, ApplicationStatus.UnderEvaluation, null, required: false, staffId, now);
    }

    /// <summary>The committee's confirmed selection decides every application under evaluation.</summary>
    public void ConcludeEvaluation(bool selected, Guid staffId, DateTimeOffset now) =>
        Decide(ApplicationStatus.UnderEvaluation, selected ? ApplicationStatus.Selected : ApplicationStatus.NotSelected, null, required: false, staffId, now);

    private void Decide(ApplicationStatus from, ApplicationStatus to, string? message, bool required, Guid staffId, DateTimeOffset now)
    {
        if (Status != from)
        {
            throw new DomainException("application.wrong-status", "Application.WrongStatus");
        }
        if (required && string.IsNullOrWhiteSpace(message))
        {
            throw new DomainException("application.message-required", "Application.MessageRequired", ProblemKind.Invalid);
        }
        if (message?.Trim().Length > 2000)
        {
            throw new DomainException("application.message-too-long", "Application.MessageTooLong", ProblemKind.Invalid);
        }
        // The message belongs to this decision only: an earlier return's message must not read as the reason for a later one.
        (Status, StaffMessage, DecidedAt, DecidedById, UpdatedAt) = (to, string.IsNullOrWhiteSpace(message) ? null : message.Trim(), now, staffId, now);
    }

    /// <summary>Submits (or resubmits after a return) the current answers, checked complete by the caller; returns the receipt number.</summary>
    public string Submit(Call call, Guid memberId, DateTimeOffset now)
    {
        EnsureEditable(call, now);
        ReceiptNumber ??= $"{call.Year}-{call.Id:D3}-{Id:D5}";
        (Status, SubmittedAt, UpdatedAt) = (ApplicationStatus.Submitted, now, now);
        _revisions.Add(new ApplicationRevision(_revisions.Count + 1, Answers, memberId, now));
        return ReceiptNumber;
    }

    /// <summary>Attaches a checked file to a file question or a required document, within that question's limit.</summary>
    public ApplicationAttachment Attach(Call call, string fieldKey, int maxFiles, Infrastructure.StoredFile file, Guid memberId, DateTimeOffset now)
    {
        EnsureEditable(call, now);
        if (_attachments.Count(a => a.FieldKey == fieldKey) >= maxFiles)
        {
            throw new DomainException("application.too-many-files", "Answer.TooManyFiles", ProblemKind.Invalid);
        }
        var attachment = new ApplicationAttachment(fieldKey, file, memberId, now);
        _attachments.Add(attachment);
        UpdatedAt = now;
        return attachment;
    }

    /// <summary>Removes an attachment; the caller deletes its stored file.</summary>
    public ApplicationAttachment Detach(Call call, int attachmentId, DateTimeOffset now)
    {
        EnsureEditable(call, now);
        var attachment = _attachments.SingleOrDefault(a => a.Id == attachmentId) ?? throw new NotFoundException("attachment");
        _attachments.Remove(attachment);
        UpdatedAt = now;
        return attachment;
    }

    /// <summary>The applicant takes the application back; possible until the deadline, whatever its state before screening.</summary>
    public void Withdraw(Call call, DateTimeOffset now)
    {
        EnsureOpen(call, now);
        if (Status is not (ApplicationStatus.Draft or ApplicationStatus.Submitted or ApplicationStatus.Returned))
        {
            throw new DomainException("application.not-withdrawable", "Application.NotWithdrawable");
        }
        (Status, UpdatedAt) = (ApplicationStatus.Withdrawn, now);
    }

    /// <summary>A draft while the call is open; a returned application until its resubmission date.</summary>
    public bool CanChange(Call call, DateTimeOffset now) => CanChange(Status, ReturnedUntil, call.IsOpen(now), now);

    /// <summary>The rule of <see cref="CanChange(Call, DateTimeOffset)"/> for callers that hold a projection, not the entity.</summary>
    public static bool CanChange(ApplicationStatus status, DateTimeOffset? returnedUntil, bool callOpen, DateTimeOffset now) =>
        status == ApplicationStatus.Returned ? now < returnedUntil : status == ApplicationStatus.Draft && callOpen;

    private void EnsureEditable(Call call, DateTimeOffset now)
    {
        if (Status == ApplicationStatus.Returned)
        {
            if (!(now < ReturnedUntil))
            {
                throw new DomainException("application.return-expired", "Application.ReturnExpired");
            }
            return;
        }
        EnsureOpen(call, now);
        if (!IsEditable)
        {
            throw new DomainException("application.not-editable", Status == ApplicationStatus.Withdrawn ? "Application.IsWithdrawn" : "Application.NotEditable");
        }
    }

    private static void EnsureOpen(Call call, DateTimeOffset now)
    {
        if (!call.IsOpen(now))
        {
            throw new DomainException("application.call-not-open", now < call.OpensAt ? "Application.NotYetOpen" : "Application.DeadlinePassed");
        }
    }
}

/// <summary>The answers as they were submitted the n-th time; staff compare revisions to see what changed.</summary>
public sealed class ApplicationRevision
{
    public int Id { get; private set; }
    public int ApplicationId { get; private set; }
    public int Number { get; private set; }
    public IReadOnlyDictionary<string, string> Answers { get; private set; } = new Dictionary<string, string>();
    public Guid SubmittedById { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }

    private ApplicationRevision()
    {
    }

    internal ApplicationRevision(int number, IReadOnlyDictionary<string, string> answers, Guid submittedById, DateTimeOffset submittedAt) =>
        (Number, Answers, SubmittedById, SubmittedAt) = (number, answers.ToDictionary(), submittedById, submittedAt);
}

/// <summary>A file attached to an application, for one file question or one required document.</summary>
public sealed class ApplicationAttachment
{
    public const long MaxBytes = 20L * 1024 * 1024;
    public static readonly IReadOnlyList<Infrastructure.FileType> AllowedTypes =
    [
        Infrastructure.FileType.Pdf, Infrastructure.FileType.Hwp, Infrastructure.FileType.Hwpx, Infrastructure.FileType.Docx,
        Infrastructure.FileType.Xlsx, Infrastructure.FileType.Png, Infrastructure.FileType.Jpeg,
    ];

    public int Id { get; private set; }
    public int ApplicationId { get; private set; }
    public string FieldKey { get; private set; } = "";
    public Guid FileId { get; private set; }
    public Infrastructure.StoredFile File { get; private set; } = null!;
    public Guid UploadedById { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    private ApplicationAttachment()
    {
    }

    internal ApplicationAttachment(string fieldKey, Infrastructure.StoredFile file, Guid uploadedById, DateTimeOffset uploadedAt) =>
        (FieldKey, File, UploadedById, UploadedAt) = (fieldKey, file, uploadedById, uploadedAt);
}
