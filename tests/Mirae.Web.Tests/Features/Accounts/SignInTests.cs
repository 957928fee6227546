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
    public async Task WrongPasswords_MakeTheNextTryWait_AlikeForARealAndAnUnknownAddress_AndTheWaitIsAudited(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var member = await Members.RegisterAsync(factory);
        var unknown = Members.UniqueEmail("nobody");
        using var client = factory.CreatePageClient();

        async Task<List<string>> TryAsync(string email, int times)
        {
            var messages = new List<string>();
            for (var attempt = 1; attempt <= times; attempt++)
            {
                using var wrong = await client.SignInAsync(email, "wrong-password-1!");
                messages.Add(Message(WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync())));
            }
            return messages;
        }
        var real = await TryAsync(member.Email!, 6);
        var stranger = await TryAsync(unknown, 6);
        using var rightButWaiting = await client.SignInAsync(member.Email!, Members.Password);
        using var otherAccount = await factory.CreatePageClient().SignInAsync((await Members.RegisterAsync(factory)).Email!, Members.Password);

        // Word for word (the seconds left aside: the two runs of tries end a moment apart, so one may read 30 and the other 29).
        static string Words(string message) => System.Text.RegularExpressions.Regex.Replace(message, @"\d+초", "N초");
        Assert.Equal(real.Select(Words), stranger.Select(Words)); // nothing tells the two apart
        Assert.All(real.Take(5), m => Assert.Equal("이메일 또는 비밀번호가 올바르지 않습니다.", m));
        Assert.Matches(@"^로그인 시도가 많아 잠시 기다려야 합니다\. (29|30)초 후 다시 시도해 주세요\.$", real[5]);
        Assert.Equal(HttpStatusCode.OK, rightButWaiting.StatusCode); // the right password waits too, so a guess in the wait learns nothing
        Assert.Equal(HttpStatusCode.Redirect, otherAccount.StatusCode); // nobody else is kept out
        await using var db = factory.CreateDbContext();
        Assert.Null((await db.Users.SingleAsync(u => u.Id == member.Id)).LockoutEnd); // no lock-out anyone could trigger
        var audited = await db.AuditEvents.Where(e => e.Action == "sign-in.delayed").Select(e => e.Detail).ToListAsync();
        Assert.Contains(audited, d => d.StartsWith(member.Email!, StringComparison.Ordinal) && d.Contains("5 wrong passwords", StringComparison.Ordinal));
        Assert.Contains(audited, d => d.StartsWith(unknown, StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AStrangersFailures_DoNotKeepTheOwnerOut_ButSlowEveryAddressTheyCameFrom(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var email = Members.UniqueEmail("owner");
        using var scope = factory.Services.CreateScope();
        var guard = scope.ServiceProvider.GetRequiredService<Mirae.Web.Features.Accounts.SignInGuard>();

        for (var i = 0; i < 12; i++)
        {
            await guard.FailedAsync(email, $"10.9.{i % 3}.1", CancellationToken.None); // a stranger, from three addresses
        }
        var stranger = await guard.WaitAsync(email, "10.9.0.1", CancellationToken.None);
        var owner = await guard.WaitAsync(email, "192.0.2.7", CancellationToken.None);

        Assert.NotNull(stranger); // the account's wait (12 failures from anywhere) holds where failures came from
        Assert.Null(owner); // and not for the owner's clean address
    }

    [Fact]
    public void Waits_GrowWithEachFailure_UpToTheLongest()
    {
        var throttle = new Mirae.Web.Features.Accounts.SignInThrottle();
        var rule = Mirae.Web.Features.Accounts.SignInGuard.AccountFromAddress;
        var now = DateTimeOffset.UtcNow;

        var waits = Enumerable.Range(0, 12).Select(i => throttle.Fail(rule, now.AddSeconds(i))?.TotalSeconds).ToList();
        var afterAQuietHour = throttle.Fail(rule, now.AddHours(2));

        Assert.Equal([null, null, null, null, 30, 60, 120, 240, 480, 900, 900, 900], waits);
        Assert.Null(afterAQuietHour);
    }

    private static string Message(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<li>([^<]*)</li>").Groups[1].Value.Trim();

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
