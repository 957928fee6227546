using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>What a problem is about (the SOS Lab's themes: children's safety and growth).</summary>
public enum ProblemCategory
{
    ChildAbuse,
    TrafficSafety,
    SexualCrime,
    Education,
    Other,
}

/// <summary>
/// Where a problem stands as stored; the later stages (in development, in demonstration, demonstrated) follow from the
/// funded task and the sessions and are worked out when read (<see cref="ProblemStage"/>).
/// </summary>
public enum ProblemStatus
{
    Proposed,
    InReview,
    Accepted,
    AlreadyHandled,
    NotAccepted,
    SolutionCall,
}

/// <summary>An agency's answer to a problem in review.</summary>
public enum AnswerKind
{
    Accepted,
    AlreadyHandled,
    NotAccepted,
}

/// <summary>
/// A moderator's decision on a post and the author's one appeal: the post stays, its text replaced on every page by the
/// reason it was hidden. An immutable value: each step makes a new one.
/// </summary>
public sealed record Moderation(string? HiddenReason = null, DateTimeOffset? HiddenAt = null, Guid? HiddenById = null, string? Appeal = null,
    DateTimeOffset? AppealedAt = null, bool? AppealUpheld = null, DateTimeOffset? AppealDecidedAt = null)
{
    public const int MaxReason = 500;

    public bool Hidden => HiddenAt is not null;

    public Moderation Hide(string reason, Guid moderatorId, DateTimeOffset now) => Hidden
        ? throw new DomainException("lab.already-hidden", "Lab.AlreadyHidden", ProblemKind.Conflict)
        : this with { HiddenReason = Reason(reason, "Reason"), HiddenAt = now, HiddenById = moderatorId };

    public Moderation AppealWith(string text, DateTimeOffset now) => !Hidden
        ? throw new DomainException("lab.not-hidden", "Lab.NotHidden", ProblemKind.Conflict)
        : AppealedAt is not null
            ? throw new DomainException("lab.appeal-once", "Lab.AppealOnce", ProblemKind.Conflict)
            : this with { Appeal = Reason(text, "Appeal"), AppealedAt = now };

    /// <summary>Upholding the appeal shows the post again; rejecting it keeps it hidden. Either is final.</summary>
    public Moderation Decide(bool upheld, DateTimeOffset now) => AppealedAt is null || AppealDecidedAt is not null
        ? throw new DomainException("lab.no-open-appeal", "Lab.NoOpenAppeal", ProblemKind.Conflict)
        : upheld
            ? this with { HiddenAt = null, HiddenReason = null, HiddenById = null, AppealUpheld = true, AppealDecidedAt = now }
            : this with { AppealUpheld = false, AppealDecidedAt = now };

    private static string Reason(string text, string field) => string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxReason
        ? throw new DomainException("lab.reason-required", "Lab.ReasonRequired", ProblemKind.Invalid, field, [MaxReason])
        : text.Trim();
}

/// <summary>A problem a member raised in a challenge: what, where, how many support it, and what became of it.</summary>
public sealed class LabProblem
{
    public const int MaxTitle = 120;
    public const int MaxDescription = 3000;
    public const int MaxAnswer = 2000;

    public int Id { get; private set; }
    public int ChallengeId { get; private set; }
    public Guid AuthorId { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public ProblemCategory Category { get; private set; }
    public District District { get; private set; }
    public ProblemStatus Status { get; private set; }
    public int SupportCount { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReviewSince { get; private set; }
    public int? AgencyId { get; private set; }
    public DateTimeOffset? AssignedAt { get; private set; }
    public string? Answer { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public Guid? AnsweredById { get; private set; }
    /// <summary>The call for solutions this problem became (calls, applications, evaluation and selection as for any call).</summary>
    public int? CallId { get; private set; }
    public DateTimeOffset? CallLinkedAt { get; private set; }
    /// <summary>The funded task of the firm the call selected to build the solution (one of the call's tasks).</summary>
    public int? TaskId { get; private set; }
    public DateTimeOffset? TaskLinkedAt { get; private set; }
    public Moderation Moderation { get; private set; } = new();
    /// <summary>Removed by its author or their guardian, or hidden with a child's withdrawn consent: shown nowhere.</summary>
    public DateTimeOffset? RemovedAt { get; private set; }
    public List<ProblemPhoto> Photos { get; private set; } = [];

    private LabProblem()
    {
    }

    public static LabProblem Post(int challengeId, Guid authorId, string title, string description, ProblemCategory category, District district, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitle)
        {
            throw new DomainException("lab.problem-title", "Lab.ProblemTitleInvalid", ProblemKind.Invalid, "Post.Title", [MaxTitle]);
        }
        if (string.IsNullOrWhiteSpace(description) || description.Trim().Length > MaxDescription)
        {
            throw new DomainException("lab.problem-description", "Lab.ProblemDescriptionInvalid", ProblemKind.Invalid, "Post.Description", [MaxDescription]);
        }
        return new LabProblem
        {
            ChallengeId = challengeId, AuthorId = authorId, Title = title.Trim(), Description = description.Trim(), Category = category, District = district,
            Status = ProblemStatus.Proposed, CreatedAt = now,
        };
    }

    public bool Visible => RemovedAt is null;

    /// <summary>Counts one more support; the one that reaches the threshold sends the problem to review.</summary>
    public void Supported(int threshold, DateTimeOffset now)
    {
        SupportCount++;
        if (Status == ProblemStatus.Proposed && SupportCount >= threshold)
        {
            Status = ProblemStatus.InReview;
            ReviewSince = now;
        }
    }

    public void AssignTo(int agencyId, DateTimeOffset now)
    {
        if (Status != ProblemStatus.InReview)
        {
            throw new DomainException("lab.not-in-review", "Lab.NotInReview", ProblemKind.Conflict);
        }
        AgencyId = agencyId;
        AssignedAt = now;
    }

    public void AnswerWith(AnswerKind kind, string reason, Guid agentId, DateTimeOffset now)
    {
        if (Status != ProblemStatus.InReview || AgencyId is null)
        {
            throw new DomainException("lab.not-assigned", "Lab.NotAssigned", ProblemKind.Conflict);
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxAnswer)
        {
            throw new DomainException("lab.answer-reason", "Lab.AnswerReasonRequired", ProblemKind.Invalid, "Answer.Reason", [MaxAnswer]);
        }
        Status = kind switch
        {
            AnswerKind.Accepted => ProblemStatus.Accepted,
            AnswerKind.AlreadyHandled => ProblemStatus.AlreadyHandled,
            _ => ProblemStatus.NotAccepted,
        };
        Answer = reason.Trim();
        AnsweredAt = now;
        AnsweredById = agentId;
    }

    public void LinkCall(int callId, DateTimeOffset now)
    {
        if (Status is not (ProblemStatus.Accepted or ProblemStatus.SolutionCall))
        {
            throw new DomainException("lab.not-accepted", "Lab.NotAccepted", ProblemKind.Conflict);
        }
        CallId = callId;
        CallLinkedAt = now;
        Status = ProblemStatus.SolutionCall;
    }

    public void LinkTask(int taskId, DateTimeOffset now)
    {
        if (Status != ProblemStatus.SolutionCall)
        {
            throw new DomainException("lab.no-solution", "Lab.NoSolutionYet", ProblemKind.Conflict);
        }
        TaskId = taskId;
        TaskLinkedAt = now;
    }

    public void Moderate(Moderation moderation) => Moderation = moderation;

    public void Remove(DateTimeOffset now) => RemovedAt ??= now;
}

/// <summary>A photo of a problem, re-encoded without its metadata before it was stored (<see cref="LabPhotos"/>).</summary>
public sealed class ProblemPhoto
{
    public int Id { get; private set; }
    public int ProblemId { get; private set; }
    public Guid FileId { get; private set; }
    public StoredFile File { get; private set; } = null!;

    private ProblemPhoto()
    {
    }

    public static ProblemPhoto Of(StoredFile file) => new() { File = file, FileId = file.Id };
}

public enum IdeaKind
{
    Idea,
    Comment,
}

/// <summary>An idea for solving a problem, or a comment on it.</summary>
public sealed class Idea
{
    public const int MaxText = 1000;

    public int Id { get; private set; }
    public int ProblemId { get; private set; }
    public Guid AuthorId { get; private set; }
    public IdeaKind Kind { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public Moderation Moderation { get; private set; } = new();
    public DateTimeOffset? RemovedAt { get; private set; }

    private Idea()
    {
    }

    public static Idea Add(int problemId, Guid authorId, IdeaKind kind, string text, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxText
            ? throw new DomainException("lab.idea-text", "Lab.IdeaTextInvalid", ProblemKind.Invalid, "Idea.Text", [MaxText])
            : new Idea { ProblemId = problemId, AuthorId = authorId, Kind = kind, Text = text.Trim(), CreatedAt = now };

    public void Moderate(Moderation moderation) => Moderation = moderation;

    public void Remove(DateTimeOffset now) => RemovedAt ??= now;
}

/// <summary>One member's support of one problem (unique per member and problem).</summary>
public sealed class ProblemSupport
{
    public long Id { get; private set; }
    public int ProblemId { get; private set; }
    public int ChallengeId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private ProblemSupport()
    {
    }

    public static ProblemSupport Of(LabProblem problem, Guid userId, DateTimeOffset now) =>
        new() { ProblemId = problem.Id, ChallengeId = problem.ChallengeId, UserId = userId, CreatedAt = now };
}

/// <summary>Someone's report that a post breaks the rules, waiting for a moderator until resolved.</summary>
public sealed class ContentReport
{
    public int Id { get; private set; }
    public int ProblemId { get; private set; }
    /// <summary>The idea or comment reported; null when the problem itself is.</summary>
    public int? IdeaId { get; private set; }
    public Guid ReporterId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    private ContentReport()
    {
    }

    public static ContentReport File(int problemId, int? ideaId, Guid reporterId, string reason, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > Moderation.MaxReason
            ? throw new DomainException("lab.reason-required", "Lab.ReasonRequired", ProblemKind.Invalid, "Report.Reason", [Moderation.MaxReason])
            : new ContentReport { ProblemId = problemId, IdeaId = ideaId, ReporterId = reporterId, Reason = reason.Trim(), CreatedAt = now };

    public void Resolve(DateTimeOffset now) => ResolvedAt ??= now;
}

public sealed class ProblemConfiguration : IEntityTypeConfiguration<LabProblem>
{
    public void Configure(EntityTypeBuilder<LabProblem> builder)
    {
        builder.ToTable("LabProblems");
        builder.Property(p => p.Title).HasMaxLength(LabProblem.MaxTitle);
        builder.Property(p => p.Description).HasMaxLength(LabProblem.MaxDescription);
        builder.Property(p => p.Category).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.District).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Answer).HasMaxLength(LabProblem.MaxAnswer);
        builder.ComplexProperty(p => p.Moderation, ModerationColumns.Map);
        builder.HasIndex(p => new { p.ChallengeId, p.Status });
        builder.HasIndex(p => p.AuthorId);
        builder.HasIndex(p => p.AgencyId);
        builder.HasIndex(p => p.CallId);
        builder.HasIndex(p => p.TaskId);
        builder.HasOne<Challenge>().WithMany().HasForeignKey(p => p.ChallengeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Calls.Call>().WithMany().HasForeignKey(p => p.CallId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tasks.FundedTask>().WithMany().HasForeignKey(p => p.TaskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Photos).WithOne().HasForeignKey(p => p.ProblemId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProblemPhotoConfiguration : IEntityTypeConfiguration<ProblemPhoto>
{
    public void Configure(EntityTypeBuilder<ProblemPhoto> builder)
    {
        builder.ToTable("LabProblemPhotos");
        builder.HasOne(p => p.File).WithMany().HasForeignKey(p => p.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.FileId).IsUnique();
        builder.HasIndex(p => p.ProblemId);
    }
}

public sealed class IdeaConfiguration : IEntityTypeConfiguration<Idea>
{
    public void Configure(EntityTypeBuilder<Idea> builder)
    {
        builder.ToTable("LabIdeas");
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Text).HasMaxLength(Idea.MaxText);
        builder.ComplexProperty(i => i.Moderation, ModerationColumns.Map);
        builder.HasIndex(i => i.ProblemId);
        builder.HasIndex(i => i.AuthorId);
        builder.HasOne<LabProblem>().WithMany().HasForeignKey(i => i.ProblemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(i => i.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SupportConfiguration : IEntityTypeConfiguration<ProblemSupport>
{
    public void Configure(EntityTypeBuilder<ProblemSupport> builder)
    {
        builder.ToTable("LabSupports");
        builder.HasIndex(s => new { s.ProblemId, s.UserId }).IsUnique(); // one support per member and problem, in parallel too
        builder.HasIndex(s => new { s.ChallengeId, s.UserId });
        builder.HasOne<LabProblem>().WithMany().HasForeignKey(s => s.ProblemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReportConfiguration : IEntityTypeConfiguration<ContentReport>
{
    public void Configure(EntityTypeBuilder<ContentReport> builder)
    {
        builder.ToTable("LabReports");
        builder.Property(r => r.Reason).HasMaxLength(Moderation.MaxReason);
        builder.HasIndex(r => new { r.ResolvedAt, r.CreatedAt });
        builder.HasIndex(r => r.ProblemId);
        builder.HasOne<LabProblem>().WithMany().HasForeignKey(r => r.ProblemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal static class ModerationColumns
{
    public static void Map(ComplexPropertyBuilder<Moderation> moderation)
    {
        moderation.Property(m => m.HiddenReason).HasMaxLength(Moderation.MaxReason);
        moderation.Property(m => m.Appeal).HasMaxLength(Moderation.MaxReason);
    }
}
