using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Calls;

namespace Mirae.Web.Features.Applications;

/// <summary>A member starts (or resumes) their organization's application to a call.</summary>
public sealed class ApplyModel(AppDbContext db, GetCall get, ApplyToCall apply, IAuthorizationService authorization)
    : PageModel, IRedisplayPage
{
    public sealed record Choice(int OrganizationId, string NameKo, string? NameEn, int? ApplicationId, ApplicationStatus? Status);

    public GetCall.Details Call { get; private set; } = null!;
    public IReadOnlyList<Choice> Organizations { get; private set; } = [];
    public bool IsOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int organizationId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, new ApplicationResource(organizationId), ApplicationOperations.Edit)).Succeeded)
        {
            return Forbid();
        }
        var started = await apply.StartAsync(id, organizationId, User.UserId(), cancellationToken);
        return RedirectToPage("/Applications/ApplicationPage", new { id = started.Id });
    }

    /// <summary>The call and the member's organizations are loaded before the application is started, so the page only shows itself again.</summary>
    public Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken) => Task.FromResult<IActionResult>(Page());

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await get.HandleAsync(id, includeDrafts: false, cancellationToken) is not { } call)
        {
            return false;
        }
        Call = call;
        IsOpen = call.IsOpen;
        var userId = User.UserId();
        Organizations = await (from m in db.Memberships.AsNoTracking()
                               where m.UserId == userId && m.Status == MembershipStatus.Approved
                               join o in db.Organizations on m.OrganizationId equals o.Id
                               let existing = db.Applications.FirstOrDefault(a => a.CallId == id && a.OrganizationId == o.Id)
                               orderby o.NameKo
                               select new Choice(o.Id, o.NameKo, o.NameEn, existing == null ? null : existing.Id, existing == null ? null : existing.Status))
            .ToListAsync(cancellationToken);
        return true;
    }
}
