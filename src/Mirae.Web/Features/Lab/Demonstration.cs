using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>A trial session (실증) of a problem's solution: where, when, for how many.</summary>
public sealed class DemoSession
{
    public int Id { get; private set; }
    public int ProblemId { get; private set; }
    public string Place { get; private set; } = "";
    public DateTimeOffset StartsAt { get; private set; }
    public int Capacity { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private DemoSession()
    {
    }

    public static DemoSession Schedule(int problemId, string place, DateTimeOffset startsAt, int capacity, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(place) || place.Trim().Length > 200)
        {
            throw new DomainException("lab.session-place", "Lab.SessionPlaceRequired", ProblemKind.Invalid, "Session.Place");
        }
        if (capacity is < 1 or > 1000)
        {
            throw new DomainException("lab.session-capacity", "Lab.SessionCapacityRange", ProblemKind.Invalid, "Session.Capacity");
        }
        return startsAt <= now
            ? throw new DomainException("lab.session-past", "Lab.SessionInPast", ProblemKind.Invalid, "Session.StartsAt")
            : new DemoSession { ProblemId = problemId, Place = place.Trim(), StartsAt = startsAt.ToUniversalTime(), Capacity = capacity, CreatedAt = now };
    }
}

/// <summary>A member's place in a session (a child's, with their guardian) and their feedback once they tried the solution.</summary>
public sealed class DemoSignup
{
    public const int MaxComment = 1000;

    public int Id { get; private set; }
    public int SessionId { get; private set; }
    public Guid UserId { get; private set; }
    public bool WithGuardian { get; private set; }
    public DateTimeOffset SignedUpAt { get; private set; }
    public int? Rating { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset? FeedbackAt { get; private set; }

    private DemoSignup()
    {
    }

    public static DemoSignup For(int sessionId, Guid userId, bool withGuardian, DateTimeOffset now) =>
        new() { SessionId = sessionId, UserId = userId, WithGuardian = withGuardian, SignedUpAt = now };

    public void GiveFeedback(int rating, string? comment, DateTimeOffset now)
    {
        if (FeedbackAt is not null)
        {
            throw new DomainException("lab.feedback-given", "Lab.FeedbackGiven", ProblemKind.Conflict);
        }
        if (rating is < 1 or > 5)
        {
            throw new DomainException("lab.rating", "Lab.RatingRange", ProblemKind.Invalid, "Feedback.Rating");
        }
        if (comment?.Trim().Length > MaxComment)
        {
            throw new DomainException("lab.comment-long", "Lab.CommentTooLong", ProblemKind.Invalid, "Feedback.Comment", [MaxComment]);
        }
        Rating = rating;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        FeedbackAt = now;
    }
}

public sealed class DemoSessionConfiguration : IEntityTypeConfiguration<DemoSession>
{
    public void Configure(EntityTypeBuilder<DemoSession> builder)
    {
        builder.ToTable("LabSessions");
        builder.Property(s => s.Place).HasMaxLength(200);
        builder.HasIndex(s => new { s.ProblemId, s.StartsAt });
        builder.HasOne<LabProblem>().WithMany().HasForeignKey(s => s.ProblemId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DemoSignupConfiguration : IEntityTypeConfiguration<DemoSignup>
{
    public void Configure(EntityTypeBuilder<DemoSignup> builder)
    {
        builder.ToTable("LabSignups");
        builder.Property(s => s.Comment).HasMaxLength(DemoSignup.MaxComment);
        builder.HasIndex(s => new { s.SessionId, s.UserId }).IsUnique();
        builder.HasIndex(s => s.UserId);
        builder.HasOne<DemoSession>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
