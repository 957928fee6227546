using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Accounts;

/// <summary>
/// A change to what a member may do, or to how they prove who they are, reaches every session they have on its next
/// request (issue 16): two cookie jars signed in as the same member, one acts, the other is checked.
/// </summary>
[Collection("web")]
public sealed class SessionTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static async Task<(AppUser Member, PageClient First, PageClient Second)> TwoSessionsAsync(MiraeFactory factory, string? role = null)
    {
        var member = await Members.RegisterAsync(factory);
        if (role is not null)
        {
            using var scope = factory.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(member.Id.ToString()))!, role)).Succeeded);
        }
        return (member, await factory.SignedInClientAsync(member.Email!), await factory.SignedInClientAsync(member.Email!));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task RoleRemoved_TheMembersOtherSession_LosesTheStaffPagesOnItsNextRequest(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var (member, first, second) = await TwoSessionsAsync(factory, Roles.ProgramManager);
        using var admin = await factory.AdminClientAsync();
        var (before, _) = await second.GetPageAsync("/admin/memberships");

        using var saved = await admin.SubmitAsync($"/admin/users/{member.Id}", [new("roles", Roles.Citizen), new("reason", "담당 업무 변경")]);
        using var after = await second.Http.GetAsync("/admin/memberships");
        using var firstAfter = await first.Http.GetAsync("/admin/memberships");

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, firstAfter.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task PasswordChanged_EndsTheOtherSession_ButNotTheOneThatChangedIt(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var (_, first, second) = await TwoSessionsAsync(factory);

        using var changed = await first.SubmitAsync("/account/change-password", [new("Input.CurrentPassword", Members.Password),
            new("Input.NewPassword", "Another-horse-8!"), new("Input.ConfirmPassword", "Another-horse-8!")]);
        using var firstAfter = await first.Http.GetAsync("/notifications");
        using var secondAfter = await second.Http.GetAsync("/notifications");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, firstAfter.StatusCode);
        Assert.Equal("/account/sign-in", PageClient.RedirectPath(secondAfter));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task SignOut_EndsEverySession_SoAnOldCookieNoLongerWorks(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var (_, first, second) = await TwoSessionsAsync(factory);

        using var signedOut = await first.SubmitAsync("/account/sign-out", []);
        using var secondAfter = await second.Http.GetAsync("/notifications");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/account/sign-in", PageClient.RedirectPath(secondAfter));
    }
}
