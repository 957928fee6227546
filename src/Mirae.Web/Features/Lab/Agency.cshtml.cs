using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;

namespace Mirae.Web.Features.Lab;

/// <summary>An agency's work list: the problems staff assigned to the viewer's agencies, those waiting for an answer first.</summary>
[Authorize(Policy = LabPolicies.Agents)]
public sealed class AgencyModel(AppDbContext db, ReadLab read) : PageModel
{
    public IReadOnlyList<(string NameKo, string NameEn)> Agencies { get; private set; } = [];
    public IReadOnlyList<ReadLab.ProblemRow> Waiting { get; private set; } = [];
    public IReadOnlyList<ReadLab.ProblemRow> Answered { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = User.UserId();
        var agencies = await db.Agencies.AsNoTracking().Where(a => db.AgencyMembers.Any(m => m.AgencyId == a.Id && m.UserId == user)).ToListAsync(cancellationToken);
        Agencies = [.. agencies.Select(a => (a.NameKo, a.NameEn))];
        var ids = await db.LabProblems.Where(p => p.RemovedAt == null && p.AgencyId != null && agencies.Select(a => a.Id).Contains(p.AgencyId.Value))
            .Select(p => p.Id).ToListAsync(cancellationToken);
        var rows = (await read.ResultsAsync(null, null, cancellationToken, ids)).Select(r => r.Problem).ToList();
        Waiting = [.. rows.Where(p => p.Stage == ProblemStage.InReview)];
        Answered = [.. rows.Where(p => p.Stage != ProblemStage.InReview)];
    }
}
