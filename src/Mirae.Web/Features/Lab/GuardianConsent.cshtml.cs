using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>
/// Where the guardian's e-mail link leads: signed in with the address the child gave, the guardian reads what the lab
/// keeps about the child, confirms the relation and consents (PIPA art. 22-2). A wrong, used or expired link says so.
/// </summary>
[Authorize]
public sealed class GuardianConsentModel(Guardians guardians) : PageModel, IRedisplayPage
{
    [BindProperty(SupportsGet = true, Name = "child")]
    public Guid ChildId { get; set; }

    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    [BindProperty(Name = "GuardianName")]
    public string? GuardianName { get; set; }

    [BindProperty(Name = "Relation")]
    public GuardianRelation Relation { get; set; } = GuardianRelation.Parent;

    [BindProperty(Name = "Agreed")]
    public bool Agreed { get; set; }

    public LabMember? Child { get; private set; }

    /// <summary>The guardian address (masked) when the link is genuine but the viewer signed in with another one.</summary>
    public string? OtherAddress { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["NoIndex"] = true;
        var child = await guardians.ChildForLinkAsync(ChildId, Code, cancellationToken);
        // Only the address the child gave sees who the child is; anyone else with the link learns just whom to sign in as.
        if (child is not null && !string.Equals(User.Identity?.Name, child.GuardianEmail, StringComparison.OrdinalIgnoreCase))
        {
            OtherAddress = Guardians.MaskEmail(child.GuardianEmail!);
            return Page();
        }
        Child = child;
        return Page();
    }

    [ErrorsOn("Consent.GuardianName")]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await guardians.ConsentAsync(ChildId, Code, User.UserId(), GuardianName ?? "", Relation, Agreed, cancellationToken);
        TempData["Flash"] = "Lab.ConsentThanks";
        return Redirect("/lab/guardian");
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken) => await OnGetAsync(cancellationToken);
}
