using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Evaluation;

/// <summary>The invitation link: a signed-in member accepts it and becomes the evaluator it was made for.</summary>
[Authorize]
public sealed class JoinPanelModel(EvaluatorPool pool, UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> text) : PageModel, IRedisplayPage
{
    public string Token { get; private set; } = "";

    public void OnGet(string token) => Token = token;

    public Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken) => Task.FromResult<IActionResult>(Page());

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        await pool.JoinAsync(token, User.UserId(), cancellationToken);
        TempData["Flash"] = text["Evaluators.Welcome"].Value;
        // The role is in the cookie only from the next sign-in; refresh it now so that /evaluations opens at once.
        if (await users.GetUserAsync(User) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }
        return Redirect("/evaluations");
    }
}
