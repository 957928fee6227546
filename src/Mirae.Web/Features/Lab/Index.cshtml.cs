using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;

namespace Mirae.Web.Features.Lab;

/// <summary>The SOS Lab's front page: what it is, its challenges, and the viewer's way in (join, child sign-up, guardian).</summary>
[AllowAnonymous]
public sealed class IndexModel(ReadLab read, AppDbContext db) : PageModel
{
    public IReadOnlyList<ReadLab.ChallengeRow> Challenges { get; private set; } = [];
    public LabMember? Member { get; private set; }
    public bool IsGuardian { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Challenges = await read.ChallengesAsync(cancellationToken);
        if (User.ViewerId() is { } id)
        {
            Member = await db.LabMembers.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == id, cancellationToken);
            IsGuardian = await db.LabMembers.AnyAsync(m => m.GuardianId == id, cancellationToken);
        }
    }
}
