using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Accounts;

[Collection("web")]
public sealed class SignInTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task SignIn_ThenSignOut_StartsAndEndsTheSession(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var member = await Members.RegisterAsync(factory);
        using var client = factory.CreatePageClient();

        using var signedIn = await client.SignInAsync(member.Email!, Members.Password, returnUrl: "/notices");
        var (_, home) = await client.GetPageAsync("/");
        using var me = await client.Http.GetAsync("/api/v1/me");
        using var signedOut = await client.SubmitAsync("/", [], "/account/sign-out");
        using var afterwards = await client.Http.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/notices", signedIn.Headers.Location?.OriginalString);
        Assert.Contains("홍길동님", home);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithAForeignReturnUrl_GoesHomeInstead()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var member = await Members.RegisterAsync(factory);
        using var client = factory.CreatePageClient();

        using var response = await client.SignInAsync(member.Email!, Members.Password, returnUrl: "https://evil.example/phish");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task SignIn_AfterFiveWrongPasswords_LocksTheAccountForFifteenMinutes(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var member = await Members.RegisterAsync(factory);
        using var client = factory.CreatePageClient();
        var before = DateTimeOffset.UtcNow;

        var messages = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.SignInAsync(member.Email!, "wrong-password-1!");
            messages.Add(WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        }
        using var right = await client.SignInAsync(member.Email!, Members.Password);
        var lockedPage = WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync());

        Assert.All(messages.Take(4), html => Assert.Contains("이메일 또는 비밀번호가 올바르지 않습니다.", html));
        Assert.Contains("계정이 잠겼습니다. 15분 후 다시 시도해 주세요.", messages[4]);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("계정이 잠겼습니다", lockedPage);
        await using var db = factory.CreateDbContext();
        var lockoutEnd = (await db.Users.SingleAsync(u => u.Id == member.Id)).LockoutEnd;
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd.Value - before, TimeSpan.FromMinutes(14.5), TimeSpan.FromMinutes(15.5));
    }

    [Fact]
    public async Task SignIn_BeyondTheRateLimit_IsRefusedWithAFriendlyPage()
    {
        await using var factory = await MiraeFactory.StartAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["RateLimiting:SignInPermitLimit"] = "3" });
        using var client = factory.CreatePageClient();

        var statuses = new List<HttpStatusCode>();
        string lastPage = "";
        // The limit belongs to the sign-in endpoint, whatever spelling of its path reaches it.
        foreach (var path in new[] { "/account/sign-in", "/account/sign-in/", "/Account/Sign-In", "/account/sign-in/" })
        {
            using var response = await client.SubmitAsync("/account/sign-in",
                new Dictionary<string, string> { ["Input.Email"] = $"nobody{statuses.Count}@example.kr", ["Input.Password"] = "wrong-password-1!" }, path);
            statuses.Add(response.StatusCode);
            lastPage = await response.Content.ReadAsStringAsync();
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("요청이 너무 많습니다", lastPage);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task LanguageChosenWhileSignedIn_IsRememberedAtTheNextSignIn(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var member = await Members.RegisterAsync(factory);
        using (var first = factory.CreatePageClient())
        {
            using var signedIn = await first.SignInAsync(member.Email!, Members.Password);
            using var switched = await first.SubmitAsync("/", [new("culture", "en-US"), new("returnUrl", "/")], "/culture");
        }

        using var second = await factory.SignedInClientAsync(member.Email!);
        var (_, html) = await second.GetPageAsync("/");

        Assert.Contains("<html lang=\"en\">", html);
        await using var db = factory.CreateDbContext();
        Assert.Equal("en-US", (await db.Users.SingleAsync(u => u.Id == member.Id)).PreferredCulture);
    }
}
