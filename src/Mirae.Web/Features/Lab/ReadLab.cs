using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>
/// Where a problem is on its way, as the public reads it: the stored status, then — once it became a call for solutions —
/// in development when the call funded a task, in demonstration when a trial session is scheduled, demonstrated once one
/// was held.
/// </summary>
public enum ProblemStage
{
    Proposed,
    InReview,
    Accepted,
    AlreadyHandled,
    NotAccepted,
    SolutionCall,
    Development,
    Demonstration,
    Demonstrated,
}

/// <summary>
/// The SOS Lab as pages and the API show it. Only public fields leave here for the public: people by their lab nickname
/// (never an account's name or address, never a child's birth date or guardian), hidden posts by their moderation reason.
/// </summary>
public sealed class ReadLab(AppDbContext db, TimeProvider clock)
{
    public sealed record ChallengeRow(int Id, string Title, string? TitleEn, string Description, LabPhase? Phase, IReadOnlyList<DateTimeOffset> PhaseStarts,
        int SupportsPerPerson, int Threshold, LabParticipation Participation, bool ChildrenWelcome, int Problems);

    public sealed record ProblemRow(int Id, int ChallengeId, string? Title, ProblemCategory Category, District District, ProblemStage Stage, int? Progress,
        int Supports, DateTimeOffset CreatedAt, string Nickname, string? AgencyKo, string? AgencyEn, string? HiddenReason);

    public sealed record Milestone(DateTimeOffset At, string Key);

    public sealed record TaskLink(int Id, string Number, string Title, string OrganizationKo, string? OrganizationEn);

    public sealed record SessionRow(int Id, string Place, DateTimeOffset StartsAt, int Capacity, int SignedUp, bool Held);

    public sealed record FeedbackSummary(int Count, double? Average, IReadOnlyList<(int Rating, string? Comment, DateTimeOffset At)> Comments);

    public sealed record Result(ProblemRow Problem, string ChallengeTitle, string? ChallengeTitleEn, AnswerKind? AnswerKind, string? Answer,
        IReadOnlyList<Milestone> Timeline, string? CallTitleKo, string? CallTitleEn, int? CallId, IReadOnlyList<TaskLink> Tasks, IReadOnlyList<SessionRow> Sessions,
        FeedbackSummary Feedback);

    public static int? ProgressOf(ProblemStage stage) => stage switch
    {
        ProblemStage.Proposed => 10,
        ProblemStage.InReview => 25,
        ProblemStage.Accepted => 40,
        ProblemStage.SolutionCall => 55,
        ProblemStage.Development => 70,
        ProblemStage.Demonstration => 85,
        ProblemStage.Demonstrated => 100,
        _ => null, // answered without a solution: the answer is the outcome
    };

    /// <summary>Every challenge, newest first (or the one with <paramref name="id"/>), with its phase now and its visible problems' count.</summary>
    public async Task<IReadOnlyList<ChallengeRow>> ChallengesAsync(CancellationToken cancellationToken, int? id = null)
    {
        var now = clock.GetUtcNow();
        var challenges = await db.Challenges.AsNoTracking().Where(c => id == null || c.Id == id).OrderByDescending(c => c.Id).ToListAsync(cancellationToken);
        var counts = await db.LabProblems.Where(p => p.RemovedAt == null && (id == null || p.ChallengeId == id)).GroupBy(p => p.ChallengeId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. challenges.Select(c => new ChallengeRow(c.Id, c.Title, c.TitleEn, c.Description, c.PhaseAt(now), c.PhaseStarts, c.SupportsPerPerson,
            c.Threshold, c.Participation, c.ChildrenWelcome, counts.GetValueOrDefault(c.Id)))];
    }

    public async Task<ChallengeRow?> ChallengeAsync(int id, CancellationToken cancellationToken) =>
        (await ChallengesAsync(cancellationToken, id)).SingleOrDefault();

    /// <summary>One page of problems, most supported first, with how many there are at each stage and in each district (over all pages).</summary>
    public sealed record ResultPage(PagedList<Result> Results, IReadOnlyDictionary<ProblemStage, int> ByStage, IReadOnlyDictionary<District, int> ByDistrict);

    /// <summary>
    /// The problems of a challenge (or all) in a district and stage (or any), a page at a time: the stage of every
    /// matching problem is worked out from a narrow query (status, task, first session), then only the page's problems
    /// are read whole.
    /// </summary>
    public async Task<ResultPage> PageAsync(int? challengeId, ProblemStage? stage, District? district, int page, int pageSize, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.LabProblems.AsNoTracking()
            .Where(p => p.RemovedAt == null && (challengeId == null || p.ChallengeId == challengeId) && (district == null || p.District == district))
            .OrderByDescending(p => p.SupportCount).ThenByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Status, p.TaskId, p.District, FirstSession = db.DemoSessions.Where(s => s.ProblemId == p.Id).Min(s => (DateTimeOffset?)s.StartsAt) })
            .ToListAsync(cancellationToken);
        var staged = rows.Select(r => (r.Id, r.District, Stage: StageOf(r.Status, r.TaskId is not null, r.FirstSession, now))).ToList();
        var matching = staged.Where(r => stage is null || r.Stage == stage).ToList();
        var ids = matching.Skip((page - 1) * pageSize).Take(pageSize).Select(r => r.Id).ToList();
        var results = ids.Count == 0 ? [] : await ResultsAsync(null, null, cancellationToken, ids);
        return new ResultPage(new PagedList<Result>(results, matching.Count, page, pageSize),
            staged.GroupBy(r => r.Stage).ToDictionary(g => g.Key, g => g.Count()), staged.GroupBy(r => r.District).ToDictionary(g => g.Key, g => g.Count()));
    }

    /// <summary>The stage a problem is at: its stored status, and past the call its task and sessions.</summary>
    public static ProblemStage StageOf(ProblemStatus status, bool hasTask, DateTimeOffset? firstSession, DateTimeOffset now) => status switch
    {
        ProblemStatus.SolutionCall when firstSession <= now => ProblemStage.Demonstrated,
        ProblemStatus.SolutionCall when firstSession is not null => ProblemStage.Demonstration,
        ProblemStatus.SolutionCall when hasTask => ProblemStage.Development,
        _ => Enum.Parse<ProblemStage>(status.ToString()),
    };

    /// <summary>
    /// Visible problems with their whole way: answer, call, funded task, sessions and their feedback, and the timeline —
    /// those of <paramref name="ids"/> (in that order), or every one of the challenge and district (the CSV export).
    /// </summary>
    public async Task<IReadOnlyList<Result>> ResultsAsync(int? challengeId, District? district, CancellationToken cancellationToken,
        IReadOnlyList<int>? ids = null)
    {
        var now = clock.GetUtcNow();
        var problems = await db.LabProblems.AsNoTracking()
            .Where(p => p.RemovedAt == null && (challengeId == null || p.ChallengeId == challengeId) && (district == null || p.District == district)
                && (ids == null || ids.Contains(p.Id)))
            .OrderByDescending(p => p.SupportCount).ThenByDescending(p => p.Id)
            .ToListAsync(cancellationToken);
        var problemIds = problems.Select(p => p.Id).ToList();
        var authors = problems.Select(p => p.AuthorId).Distinct().ToList();
        var nicknames = await db.LabMembers.Where(m => authors.Contains(m.UserId)).ToDictionaryAsync(m => m.UserId, m => m.Nickname, cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, cancellationToken);
        var challengeIds = problems.Select(p => p.ChallengeId).Distinct().ToList();
        var challenges = await db.Challenges.AsNoTracking().Where(c => challengeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var callIds = problems.Where(p => p.CallId != null).Select(p => p.CallId!.Value).Distinct().ToList();
        var calls = await db.Calls.Where(c => callIds.Contains(c.Id)).Select(c => new { c.Id, c.TitleKo, c.TitleEn })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var taskIds = problems.Where(p => p.TaskId != null).Select(p => p.TaskId!.Value).Distinct().ToList();
        var tasks = await db.FundedTasks.Where(t => taskIds.Contains(t.Id))
            .Join(db.Organizations, t => t.OrganizationId, o => o.Id, (t, o) => new { t.Id, t.Number, t.TitleKo, o.NameKo, o.NameEn })
            .ToDictionaryAsync(t => t.Id, cancellationToken);
        var sessions = (await db.DemoSessions.AsNoTracking().Where(s => problemIds.Contains(s.ProblemId)).OrderBy(s => s.StartsAt).ToListAsync(cancellationToken))
            .ToLookup(s => s.ProblemId);
        var sessionIds = sessions.SelectMany(s => s).Select(s => s.Id).ToList();
        var signups = (await db.DemoSignups.AsNoTracking().Where(s => sessionIds.Contains(s.SessionId)).ToListAsync(cancellationToken)).ToLookup(s => s.SessionId);

        var results = new List<Result>();
        foreach (var p in problems)
        {
            var own = sessions[p.Id].ToList();
            var funded = p.TaskId is { } taskId ? new[] { tasks[taskId] }.ToList() : [];
            var stage = StageOf(p.Status, funded.Count > 0, own.Count > 0 ? own.Min(s => s.StartsAt) : null, now);
            var agency = p.AgencyId is { } agencyId ? agencies[agencyId] : null;
            var row = new ProblemRow(p.Id, p.ChallengeId, p.Moderation.Hidden ? null : p.Title, p.Category, p.District, stage, ProgressOf(stage), p.SupportCount,
                p.CreatedAt, nicknames.GetValueOrDefault(p.AuthorId, "—"), agency?.NameKo, agency?.NameEn, p.Moderation.HiddenReason);
            var timeline = new List<Milestone> { new(p.CreatedAt, "Lab.Milestone.Posted") };
            AddIf(timeline, p.ReviewSince, "Lab.Milestone.Review");
            AddIf(timeline, p.AssignedAt, "Lab.Milestone.Assigned");
            var answer = p.Status switch
            {
                ProblemStatus.Accepted or ProblemStatus.SolutionCall => AnswerKind.Accepted,
                ProblemStatus.AlreadyHandled => AnswerKind.AlreadyHandled,
                ProblemStatus.NotAccepted => AnswerKind.NotAccepted,
                _ => (AnswerKind?)null,
            };
            AddIf(timeline, p.AnsweredAt, "Lab.Milestone.Answered." + answer);
            AddIf(timeline, p.CallLinkedAt, "Lab.Milestone.SolutionCall");
            AddIf(timeline, p.TaskLinkedAt, "Lab.Milestone.Development");
            foreach (var session in own)
            {
                timeline.Add(new(session.StartsAt, session.StartsAt <= now ? "Lab.Milestone.Demonstrated" : "Lab.Milestone.DemonstrationScheduled"));
            }
            var feedback = own.SelectMany(s => signups[s.Id]).Where(s => s.Rating != null).OrderBy(s => s.FeedbackAt).ToList();
            results.Add(new Result(row, challenges[p.ChallengeId].Title, challenges[p.ChallengeId].TitleEn,
                answer,
                p.Answer, [.. timeline.OrderBy(e => e.At)],
                p.CallId is { } c && calls.TryGetValue(c, out var call) ? call.TitleKo : null, p.CallId is { } c2 && calls.TryGetValue(c2, out var call2) ? call2.TitleEn : null,
                p.CallId,
                [.. funded.Select(t => new TaskLink(t.Id, t.Number, t.TitleKo, t.NameKo, t.NameEn))],
                [.. own.Select(s => new SessionRow(s.Id, s.Place, s.StartsAt, s.Capacity, signups[s.Id].Count(), s.StartsAt <= now))],
                new FeedbackSummary(feedback.Count, feedback.Count == 0 ? null : Math.Round(feedback.Average(f => f.Rating!.Value), 1),
                    [.. feedback.Select(f => (f.Rating!.Value, f.Comment, f.FeedbackAt!.Value))])));
        }
        return results;
    }

    public async Task<string?> DescriptionAsync(int id, CancellationToken cancellationToken) =>
        await db.LabProblems.Where(p => p.Id == id && p.RemovedAt == null).Select(p => p.Description).SingleOrDefaultAsync(cancellationToken);

    public sealed record IdeaRow(int Id, IdeaKind Kind, string? Text, string Nickname, DateTimeOffset CreatedAt, Guid AuthorId, Moderation Moderation);

    public sealed record Photo(int Id, string FileName);

    /// <summary>A problem's page: its result, description, photos and ideas, and what the viewer is to it.</summary>
    public sealed record Details(Result Result, Challenge Challenge, string? Description, IReadOnlyList<Photo> Photos, IReadOnlyList<IdeaRow> Ideas,
        Guid AuthorId, bool ByChild, Moderation Moderation, int? AgencyId, Viewer Viewer);

    /// <summary>What the viewer is to a problem, which decides what the page offers (the use cases check again).</summary>
    public sealed record Viewer(Guid? Id, LabMember? Member, bool Supported, int SupportsLeft, bool IsAuthor, bool IsGuardianOfAuthor, bool IsAgent,
        bool IsModerator, bool IsStaff, bool IsFirm, IReadOnlySet<int> SignedUpSessions, IReadOnlySet<int> FeedbackGiven)
    {
        /// <summary>The firm, the agency and staff read the demonstration's comments.</summary>
        public bool ReadsFeedback => IsAgent || IsStaff || IsFirm;
    }

    /// <param name="viewerId">The signed-in member, or null for a visitor.</param>
    /// <param name="moderator">The viewer moderates (a moderator or program staff).</param>
    /// <param name="staff">The viewer is program staff.</param>
    public async Task<Details?> ProblemAsync(int id, Guid? viewerId, bool moderator, bool staff, CancellationToken cancellationToken)
    {
        if ((await ResultsAsync(null, null, cancellationToken, [id])).SingleOrDefault() is not { } result)
        {
            return null;
        }
        var problem = await db.LabProblems.AsNoTracking().Include(p => p.Photos).ThenInclude(p => p.File).SingleAsync(p => p.Id == id, cancellationToken);
        var challenge = await db.Challenges.AsNoTracking().SingleAsync(c => c.Id == problem.ChallengeId, cancellationToken);
        var ideas = await db.Ideas.AsNoTracking().Where(i => i.ProblemId == id && i.RemovedAt == null).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var authorIds = ideas.Select(i => i.AuthorId).Append(problem.AuthorId).Distinct().ToList();
        var people = await db.LabMembers.AsNoTracking().Where(m => authorIds.Contains(m.UserId)).ToDictionaryAsync(m => m.UserId, cancellationToken);
        var viewer = await ViewerAsync(problem, challenge, result, viewerId, moderator, staff, people, cancellationToken);
        return new Details(result, challenge, problem.Moderation.Hidden ? null : problem.Description,
            problem.Moderation.Hidden ? [] : [.. problem.Photos.OrderBy(p => p.Id).Select(p => new Photo(p.Id, p.File.FileName))],
            [.. ideas.Select(i => new IdeaRow(i.Id, i.Kind, i.Moderation.Hidden ? null : i.Text, people.TryGetValue(i.AuthorId, out var m) ? m.Nickname : "—",
                i.CreatedAt, i.AuthorId, i.Moderation))],
            problem.AuthorId, people.TryGetValue(problem.AuthorId, out var author) && author.IsChild, problem.Moderation, problem.AgencyId, viewer);
    }

    private async Task<Viewer> ViewerAsync(LabProblem problem, Challenge challenge, Result result, Guid? viewer, bool moderator, bool staff,
        Dictionary<Guid, LabMember> people, CancellationToken cancellationToken)
    {
        if (viewer is not { } viewerId)
        {
            return new Viewer(null, null, false, 0, false, false, false, false, false, false, new HashSet<int>(), new HashSet<int>());
        }
        var member = await db.LabMembers.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == viewerId, cancellationToken);
        var supported = await db.ProblemSupports.AnyAsync(s => s.ProblemId == problem.Id && s.UserId == viewerId, cancellationToken);
        var used = await db.ProblemSupports.CountAsync(s => s.ChallengeId == challenge.Id && s.UserId == viewerId, cancellationToken);
        var agent = problem.AgencyId is { } agencyId && await db.AgencyMembers.AnyAsync(m => m.AgencyId == agencyId && m.UserId == viewerId, cancellationToken);
        var taskOrganizations = result.Tasks.Select(t => t.Id).ToList();
        var firm = taskOrganizations.Count > 0 && await db.FundedTasks.Where(t => taskOrganizations.Contains(t.Id))
            .AnyAsync(t => db.Memberships.Any(m => m.OrganizationId == t.OrganizationId && m.UserId == viewerId && m.Status == Directory.MembershipStatus.Approved),
                cancellationToken);
        var sessionIds = result.Sessions.Select(s => s.Id).ToList();
        var mine = await db.DemoSignups.AsNoTracking().Where(s => sessionIds.Contains(s.SessionId) && s.UserId == viewerId).ToListAsync(cancellationToken);
        return new Viewer(viewerId, member, supported, Math.Max(0, challenge.SupportsPerPerson - used), problem.AuthorId == viewerId,
            people.TryGetValue(problem.AuthorId, out var author) && author.GuardianId == viewerId, agent,
            moderator, staff, firm,
            mine.Select(s => s.SessionId).ToHashSet(), mine.Where(s => s.FeedbackAt != null).Select(s => s.SessionId).ToHashSet());
    }

    private static void AddIf(List<Milestone> timeline, DateTimeOffset? at, string key)
    {
        if (at is { } value)
        {
            timeline.Add(new(value, key));
        }
    }
}
