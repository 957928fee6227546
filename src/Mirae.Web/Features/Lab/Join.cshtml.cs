using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>Joining the lab (or changing the nickname and district): every lab page shows the nickname, never the account's name.</summary>
[Authorize]
public sealed class JoinModel(Participate participate, Guardians guardians, AppDbContext db) : PageModel, IRedisplayPage
{
    public sealed class JoinForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(LabMember.MaxNickname, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Lab.Nickname")]
        public string Nickname { get; set; } = "";

        public District? District { get; set; }
    }

    [BindProperty(Name = "Join")]
    public JoinForm Join { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public LabMember? Member { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Member = await db.LabMembers.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == User.UserId(), cancellationToken);
        if (Member is not null)
        {
            Join = new JoinForm { Nickname = Member.Nickname, District = Member.District };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(cancellationToken);
        }
        await participate.JoinAsync(User.UserId(), Join.Nickname, Join.District, cancellationToken);
        TempData["Flash"] = "Lab.Joined";
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/lab");
    }

    /// <summary>A child asks the guardian again (a new link).</summary>
    public async Task<IActionResult> OnPostAskAgainAsync(CancellationToken cancellationToken)
    {
        await guardians.RequestAgainAsync(User.UserId(), cancellationToken);
        TempData["Flash"] = "Lab.AskedAgain";
        return Redirect("/lab");
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        Member = await db.LabMembers.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == User.UserId(), cancellationToken);
        return Page();
    }
}
