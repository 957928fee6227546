using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>The phases of a challenge, in order; each starts at its own date and switches on what can be done in it.</summary>
public enum LabPhase
{
    Proposing,
    Supporting,
    Review,
    SolutionCall,
    Development,
    Demonstration,
    Closed,
}

/// <summary>Who may post, support and add ideas in a challenge (children need their guardian's consent in any case).</summary>
public enum LabParticipation
{
    AllMembers,
    /// <summary>Members who gave one of Incheon's ten 군·구 as where they live.</summary>
    IncheonResidents,
}

/// <summary>Incheon's ten 군·구.</summary>
public enum District
{
    JungGu,
    DongGu,
    MichuholGu,
    YeonsuGu,
    NamdongGu,
    BupyeongGu,
    GyeyangGu,
    SeoGu,
    GanghwaGun,
    OngjinGun,
}

/// <summary>
/// A space of the SOS Lab (e.g. "2027 통학로 교통안전"): its phases' start dates and its rules. The phase in force is the
/// last one whose start has passed; before the first, the challenge is announced but closed.
/// </summary>
public sealed class Challenge
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 4000;

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public string? TitleEn { get; private set; }
    public string Description { get; private set; } = "";
    /// <summary>The start of each phase, in <see cref="LabPhase"/> order (seven instants, each not before the one before).</summary>
    public IReadOnlyList<DateTimeOffset> PhaseStarts { get; private set; } = [];
    public int SupportsPerPerson { get; private set; }
    public int Threshold { get; private set; }
    public LabParticipation Participation { get; private set; }
    public bool ChildrenWelcome { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private Challenge()
    {
    }

    public sealed record Settings(string Title, string? TitleEn, string Description, IReadOnlyList<DateTimeOffset> PhaseStarts, int SupportsPerPerson,
        int Threshold, LabParticipation Participation, bool ChildrenWelcome);

    public static Challenge Open(Settings settings, DateTimeOffset now)
    {
        var challenge = new Challenge { CreatedAt = now };
        challenge.Change(settings);
        return challenge;
    }

    public void Change(Settings settings)
    {
        Check(settings);
        Title = settings.Title.Trim();
        TitleEn = string.IsNullOrWhiteSpace(settings.TitleEn) ? null : settings.TitleEn.Trim();
        Description = settings.Description.Trim();
        PhaseStarts = [.. settings.PhaseStarts.Select(s => s.ToUniversalTime())];
        SupportsPerPerson = settings.SupportsPerPerson;
        Threshold = settings.Threshold;
        Participation = settings.Participation;
        ChildrenWelcome = settings.ChildrenWelcome;
    }

    /// <summary>The phase in force at <paramref name="now"/>; null before the challenge opens.</summary>
    public LabPhase? PhaseAt(DateTimeOffset now)
    {
        LabPhase? phase = null;
        for (var i = 0; i < PhaseStarts.Count && PhaseStarts[i] <= now; i++)
        {
            phase = (LabPhase)i;
        }
        return phase;
    }

    public DateTimeOffset StartOf(LabPhase phase) => PhaseStarts[(int)phase];

    /// <summary>Starts the next phase now (staff move a challenge on when its work is done early); later starts move with it.</summary>
    public void AdvanceTo(LabPhase phase, DateTimeOffset now)
    {
        var starts = PhaseStarts.ToArray();
        var shift = starts[(int)phase] > now ? starts[(int)phase] - now : TimeSpan.Zero;
        for (var i = (int)phase; i < starts.Length; i++)
        {
            starts[i] -= shift;
        }
        for (var i = 0; i < (int)phase; i++)
        {
            starts[i] = starts[i] > now ? now : starts[i];
        }
        PhaseStarts = starts;
    }

    public bool Allows(LabAction action, DateTimeOffset now) => PhaseAt(now) is { } phase && action switch
    {
        LabAction.Post => phase == LabPhase.Proposing,
        LabAction.Support or LabAction.Idea => phase is LabPhase.Proposing or LabPhase.Supporting,
        LabAction.SignUp => phase is LabPhase.Development or LabPhase.Demonstration,
        LabAction.Feedback => phase is LabPhase.Demonstration or LabPhase.Closed,
        _ => false,
    };

    private static void Check(Settings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.Title) || settings.Title.Trim().Length > MaxTitle)
        {
            throw new DomainException("lab.challenge-title", "Lab.ChallengeTitleInvalid", ProblemKind.Invalid, "Form.Title", [MaxTitle]);
        }
        if (string.IsNullOrWhiteSpace(settings.Description) || settings.Description.Trim().Length > MaxDescription)
        {
            throw new DomainException("lab.challenge-description", "Lab.ChallengeDescriptionInvalid", ProblemKind.Invalid, "Form.Description", [MaxDescription]);
        }
        if (settings.PhaseStarts.Count != Enum.GetValues<LabPhase>().Length)
        {
            throw new DomainException("lab.phase-dates", "Lab.PhaseDatesMissing", ProblemKind.Invalid, "Form.Starts");
        }
        for (var i = 1; i < settings.PhaseStarts.Count; i++)
        {
            if (settings.PhaseStarts[i] < settings.PhaseStarts[i - 1])
            {
                throw new DomainException("lab.phase-order", "Lab.PhaseOrder", ProblemKind.Invalid, $"Form.Starts[{i}]", [(LabPhase)i, (LabPhase)(i - 1)]);
            }
        }
        if (settings.SupportsPerPerson is < 1 or > 100)
        {
            throw new DomainException("lab.supports-per-person", "Lab.SupportsPerPersonRange", ProblemKind.Invalid, "Form.SupportsPerPerson");
        }
        if (settings.Threshold is < 1 or > 100_000)
        {
            throw new DomainException("lab.threshold", "Lab.ThresholdRange", ProblemKind.Invalid, "Form.Threshold");
        }
    }
}

/// <summary>What members do in a challenge, switched on and off by its phase.</summary>
public enum LabAction
{
    Post,
    Support,
    Idea,
    SignUp,
    Feedback,
}

public sealed class ChallengeConfiguration : IEntityTypeConfiguration<Challenge>
{
    public void Configure(EntityTypeBuilder<Challenge> builder)
    {
        builder.ToTable("LabChallenges");
        builder.Property(c => c.Title).HasMaxLength(Challenge.MaxTitle);
        builder.Property(c => c.TitleEn).HasMaxLength(Challenge.MaxTitle);
        builder.Property(c => c.Description).HasMaxLength(Challenge.MaxDescription);
        builder.Property(c => c.PhaseStarts).HasJsonConversion(1000);
        builder.Property(c => c.Participation).HasConversion<string>().HasMaxLength(30);
    }
}
