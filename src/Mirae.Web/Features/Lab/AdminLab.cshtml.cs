using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Administration;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>
/// Staff's SOS Lab: open a challenge or change one (phase dates, supports per person, threshold, who takes part), start
/// its next phase now, see the problems waiting for an agency, and link members to the six agencies.
/// </summary>
[Authorize(Policy = AdministrationPolicies.ProgramStaff)]
public sealed class AdminLabModel(AppDbContext db, ReadLab read, Govern govern, TimeProvider clock) : PageModel, IRedisplayPage
{
    public sealed class ChallengeForm
    {
        public int? Id { get; set; }
        public string Title { get; set; } = "";
        public string? TitleEn { get; set; }
        public string Description { get; set; } = "";
        /// <summary>Each phase's start, KST, as the datetime-local inputs post it.</summary>
        public Dictionary<int, DateTime?> Starts { get; set; } = [];
        public int SupportsPerPerson { get; set; } = 5;
        public int Threshold { get; set; } = 10;
        public LabParticipation Participation { get; set; } = LabParticipation.AllMembers;
        public bool ChildrenWelcome { get; set; } = true;
    }

    [BindProperty(Name = "Form")]
    public ChallengeForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? Edit { get; set; }

    public IReadOnlyList<ReadLab.ChallengeRow> Challenges { get; private set; } = [];
    public IReadOnlyList<ReadLab.ProblemRow> Unassigned { get; private set; } = [];
    public IReadOnlyList<(int Id, string NameKo, string NameEn, IReadOnlyList<string> Agents)> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Edit is { } id && await db.Challenges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is { } c)
        {
            Form = new ChallengeForm
            {
                Id = c.Id, Title = c.Title, TitleEn = c.TitleEn, Description = c.Description, SupportsPerPerson = c.SupportsPerPerson, Threshold = c.Threshold,
                Participation = c.Participation, ChildrenWelcome = c.ChildrenWelcome,
                Starts = c.PhaseStarts.Select((s, i) => (i, s)).ToDictionary(x => x.i, x => (DateTime?)x.s.ToKst().DateTime),
            };
        }
        else
        {
            // Proposing from now; the later phases at 09:00 KST some weeks on.
            var now = clock.GetUtcNow().ToKst().DateTime;
            int[] offsets = [0, 30, 45, 60, 90, 180, 240];
            Form.Starts = offsets.Select((days, i) => (i, days)).ToDictionary(x => x.i,
                x => (DateTime?)(x.days == 0 ? now.AddSeconds(-now.Second).AddMilliseconds(-now.Millisecond) : now.Date.AddDays(x.days).AddHours(9)));
        }
    }

    [ErrorsOn("Form.Title")]
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var phases = Enum.GetValues<LabPhase>().Length;
        if (Enumerable.Range(0, phases).FirstOrDefault(i => Form.Starts.GetValueOrDefault(i) is null, -1) is var missing and >= 0)
        {
            throw new DomainException("lab.phase-dates", "Lab.PhaseDatesMissing", ProblemKind.Invalid, $"Form.Starts[{missing}]");
        }
        var id = await govern.SaveChallengeAsync(Form.Id, new Challenge.Settings(Form.Title, Form.TitleEn, Form.Description,
            [.. Enumerable.Range(0, phases).Select(i => new DateTimeOffset(Form.Starts[i]!.Value, Kst.Offset))], Form.SupportsPerPerson, Form.Threshold,
            Form.Participation, Form.ChildrenWelcome), cancellationToken);
        TempData["Flash"] = "Lab.ChallengeSaved";
        return Redirect($"/lab/challenges/{id}");
    }

    public async Task<IActionResult> OnPostAdvanceAsync(int challengeId, CancellationToken cancellationToken)
    {
        await govern.AdvanceAsync(challengeId, cancellationToken);
        TempData["Flash"] = "Lab.PhaseAdvanced";
        return Redirect("/admin/lab");
    }

    [ErrorsOn("Agent.Email")]
    public async Task<IActionResult> OnPostAgentAsync(string? email, int agencyId, CancellationToken cancellationToken)
    {
        await govern.AddAgentAsync(email ?? "", agencyId, cancellationToken);
        TempData["Flash"] = "Lab.AgentAdded";
        return Redirect("/admin/lab");
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Challenges = await read.ChallengesAsync(cancellationToken);
        var waiting = await db.LabProblems.Where(p => p.RemovedAt == null && p.Status == ProblemStatus.InReview && p.AgencyId == null)
            .Select(p => p.Id).ToListAsync(cancellationToken);
        Unassigned = [.. (await read.ResultsAsync(null, null, cancellationToken, waiting)).Select(r => r.Problem)];
        var agents = await db.AgencyMembers.AsNoTracking().Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.AgencyId, u.Email })
            .ToListAsync(cancellationToken);
        Agencies = [.. (await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken))
            .Select(a => (a.Id, a.NameKo, a.NameEn, (IReadOnlyList<string>)[.. agents.Where(x => x.AgencyId == a.Id).Select(x => x.Email ?? "")]))];
    }
}
