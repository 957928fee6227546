using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mirae.Web.Features.Audit;

/// <summary>
/// Who did what to whom, when and from where: permission changes and every access to personal data
/// (PIPA safety-measure standard; kept at least two years).
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ActorId { get; private set; }
    public string Actor { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Detail { get; private set; } = "";
    public string IpAddress { get; private set; } = "";

    private AuditEvent()
    {
    }

    public static AuditEvent Create(DateTimeOffset at, Guid? actorId, string actor, string action, string subject, string detail, string ipAddress) =>
        new()
        {
            At = at, ActorId = actorId, Actor = Truncate(actor, 256), Action = Truncate(action, 60), Subject = Truncate(subject, 200),
            Detail = Truncate(detail, 2000), IpAddress = Truncate(ipAddress, 45),
        };

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

public static class AuditActions
{
    public const string RolesChanged = "roles.changed";
    public const string SignInDelayed = "sign-in.delayed";
    public const string PersonalDataViewed = "personal-data.viewed";
    public const string AdministratorCreated = "administrator.created";
    public const string MembershipRequested = "membership.requested";
    public const string MembershipDecided = "membership.decided";
    public const string ProductChanged = "product.changed";
    public const string OrganizationChanged = "organization.changed";
    public const string NoticeChanged = "notice.changed";
    public const string ColleagueInvited = "colleague.invited";
    public const string ProgramCreated = "program.created";
    public const string CallChanged = "call.changed";
    public const string CallPublished = "call.published";
    public const string CallExtended = "call.extended";
    public const string CallClosed = "call.closed";
    public const string ApplicationSubmitted = "application.submitted";
    public const string ApplicationWithdrawn = "application.withdrawn";
    public const string ApplicationReviewed = "application.reviewed";
    public const string EvaluatorInvited = "evaluator.invited";
    public const string EvaluatorJoined = "evaluator.joined";
    public const string EvaluatorActivation = "evaluator.activation";
    public const string PanelChanged = "panel.changed";
    public const string AssignmentChanged = "assignment.changed";
    public const string ConflictDeclared = "assignment.conflict";
    public const string ScoreSubmitted = "assignment.submitted";
    public const string PanelClosed = "panel.closed";
    public const string SelectionConfirmed = "selection.confirmed";
    public const string NeedPosted = "need.posted";
    public const string NeedInterest = "need.interest";
    public const string QualificationRecorded = "qualification.recorded";
    public const string ChangeFiled = "change.filed";
    public const string ChangeAcknowledged = "change.acknowledged";
    public const string SessionScheduled = "session.scheduled";
    public const string SlotBooked = "slot.booked";
    public const string SlotOutcome = "slot.outcome";
    public const string LedgerRefused = "ledger.refused";
    public const string TaskPlanned = "task.planned";
    public const string TaskAgreementIssued = "task.agreement-issued";
    public const string TaskAgreementAccepted = "task.agreement-accepted";
    public const string TaskInstallmentPaid = "task.installment-paid";
    public const string TaskInterimAccepted = "task.interim-accepted";
    public const string TaskResearcherChanged = "task.researcher-changed";
    public const string TaskChangeRequested = "task.change-requested";
    public const string TaskChangeDecided = "task.change-decided";
    public const string TaskExpenseRecorded = "task.expense-recorded";
    public const string TaskSettlement = "task.settlement";
    public const string LabReported = "lab.reported";
    public const string LabRemoved = "lab.removed";
    public const string LabHidden = "lab.hidden";
    public const string LabAppealed = "lab.appealed";
    public const string LabAppealDecided = "lab.appeal-decided";
    public const string LabConsentGiven = "lab.consent-given";
    public const string LabConsentWithdrawn = "lab.consent-withdrawn";
    public const string LabChallengeSaved = "lab.challenge-saved";
    public const string LabAssigned = "lab.assigned";
    public const string LabAnswered = "lab.answered";
    public const string LabCallLinked = "lab.call-linked";
    public const string LabAgentAdded = "lab.agent-added";
    public const string LabSessionScheduled = "lab.session-scheduled";
    public const string LabDatasetPublished = "lab.dataset-published";
    public const string LabDatasetDownloaded = "lab.dataset-downloaded";
}

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(60);
        builder.Property(e => e.Subject).HasMaxLength(200);
        builder.Property(e => e.Detail).HasMaxLength(2000);
        builder.Property(e => e.IpAddress).HasMaxLength(45);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Action, e.At });
    }
}
