using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Accounts;

[Collection("web")]
public sealed class RegistrationTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static Dictionary<string, string> Form(string email, string password = Members.Password, string? businessNumber = null,
        string? companyName = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "김시민",
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        };
        if (businessNumber is not null)
        {
            form["Input.BusinessNumber"] = businessNumber;
        }
        if (companyName is not null)
        {
            form["Input.CompanyName"] = companyName;
        }
        return form;
    }

    private static IEnumerable<KeyValuePair<string, string>> WithConsents(Dictionary<string, string> form, params string[] consents) =>
        form.Concat(consents.Select(c => new KeyValuePair<string, string>("consents", c)));

    private static readonly string[] RequiredConsents = ["terms", "privacy-required", "age-14"];

    [Theory, MemberData(nameof(Providers))]
    public async Task RegisterCitizen_WithRequiredConsents_CreatesTheAccountAndRecordsEveryConsent(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        using var client = factory.CreatePageClient();
        var email = Members.UniqueEmail("citizen");

        using var response = await client.SubmitAsync("/account/register?kind=citizen", WithConsents(Form(email), RequiredConsents));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", PageClient.RedirectPath(response));
        await using var db = factory.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.Equal(MemberKind.Citizen, user.Kind);
        var consents = await db.Consents.Where(c => c.UserId == user.Id).ToDictionaryAsync(c => c.Kind, c => c.Granted);
        Assert.Equal(new Dictionary<string, bool> { ["terms"] = true, ["privacy-required"] = true, ["age-14"] = true, ["email-news"] = false }, consents);
        Assert.All(await db.Consents.Where(c => c.UserId == user.Id).ToListAsync(), c => Assert.Equal("2026-11-01", c.Version));
        Assert.Equal(["Citizen"], await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync());
    }

    [Fact]
    public async Task Register_WithAgreeToAll_RecordsEveryConsentAsGiven()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreatePageClient();
        var email = Members.UniqueEmail("all");

        using var response = await client.SubmitAsync("/account/register?kind=citizen", WithConsents(Form(email), "all"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = factory.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.All(await db.Consents.Where(c => c.UserId == user.Id).ToListAsync(), c => Assert.True(c.Granted));
        Assert.Equal(4, await db.Consents.CountAsync(c => c.UserId == user.Id));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task RegisterCompanyMember_WithValidBusinessNumber_BecomesCompanyMember(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        using var client = factory.CreatePageClient();
        var email = Members.UniqueEmail("company");

        using var registered = await client.SubmitAsync("/account/register?kind=company",
            WithConsents(Form(email, businessNumber: "124-81-00998", companyName: "송도바이오필터(주)"), [.. RequiredConsents, "email-news"]));
        using var beforeConfirming = await client.SignInAsync(email, Members.Password);
        var link = await ConfirmationLinkAsync(factory, email);
        using var confirmed = await client.SubmitAsync(link, []);
        var me = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/me"); // the link signed the member in
        var userId = me.GetProperty("id").GetString();
        using var stranger = factory.CreatePageClient();
        using var reused = await stranger.SubmitAsync(link, []); // a link works once
        using var anyCode = await stranger.SubmitAsync(link, [], $"/account/confirm-email?user={userId}&code=anything");
        using var strangerMe = await stranger.Http.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Contains("이메일 확인을 마쳐야 로그인할 수 있습니다", WebUtility.HtmlDecode(await beforeConfirming.Content.ReadAsStringAsync()));
        Assert.Equal("/", PageClient.RedirectPath(confirmed));
        Assert.Contains("이미 쓰였습니다", WebUtility.HtmlDecode(await reused.Content.ReadAsStringAsync())); // the page again, with its message
        Assert.Contains("이미 쓰였습니다", WebUtility.HtmlDecode(await anyCode.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, strangerMe.StatusCode); // nobody else is signed in as the member
        Assert.Equal("/account/sign-in", registered.Headers.Location?.OriginalString); // no address in the URL
        Assert.False(await factory.CreateDbContext().Notifications.AnyAsync(n => n.Link == link)); // the code does not linger
        Assert.Equal("CompanyMember", me.GetProperty("kind").GetString());
        Assert.Equal("124-81-00998", me.GetProperty("businessNumber").GetString());
        Assert.Equal("송도바이오필터(주)", me.GetProperty("companyName").GetString());
        Assert.Equal(["CompanyMember"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Theory]
    [InlineData("124-81-00999", "사업자등록번호가 올바르지 않습니다")]
    [InlineData("12481", "사업자등록번호가 올바르지 않습니다")]
    [InlineData("", "사업자등록번호를 입력해 주세요")]
    public async Task RegisterCompanyMember_WithBadBusinessNumber_ShowsTheErrorAndSavesNothing(string number, string message)
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreatePageClient();
        var email = Members.UniqueEmail("badnumber");

        using var response = await client.SubmitAsync("/account/register?kind=company",
            WithConsents(Form(email, businessNumber: number, companyName: "테스트기업"), RequiredConsents));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.False(await factory.CreateDbContext().Users.AnyAsync(u => u.Email == email));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Register_WithoutARequiredConsent_NamesItAndSavesNothing(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        using var client = factory.CreatePageClient();
        var email = Members.UniqueEmail("noconsent");

        using var response = await client.SubmitAsync("/account/register?kind=citizen", WithConsents(Form(email), "terms", "age-14", "email-news"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("'개인정보 수집·이용 동의'에 동의해야 가입할 수 있습니다", html);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task Register_WithAWeakPassword_ExplainsTheRuleAndSavesNothing()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreatePageClient();
        var email = Members.UniqueEmail("weak");

        using var response = await client.SubmitAsync("/account/register?kind=citizen", WithConsents(Form(email, password: "short1"), RequiredConsents));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("비밀번호는 10자 이상이어야 합니다.", html);
        Assert.Contains("비밀번호에 특수문자를 포함해야 합니다.", html);
        Assert.False(await factory.CreateDbContext().Users.AnyAsync(u => u.Email == email));
    }

    /// <summary>The link of the sign-up e-mail (its notification is the outbox row the e-mail is sent from).</summary>
    private static async Task<string> ConfirmationLinkAsync(MiraeFactory factory, string email)
    {
        await using var db = factory.CreateDbContext();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.Notifications.Where(n => n.RecipientId == userId && n.MessageKey == "Notification.ConfirmEmail")
            .OrderByDescending(n => n.Id).Select(n => n.Link!).FirstAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Register_WithAnEmailAlreadyInUse_AnswersAsForANewOne_AndTellsTheOwnerByEmail(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var existing = await Members.RegisterAsync(factory);
        using var client = factory.CreatePageClient();
        var fresh = Members.UniqueEmail("fresh");

        using var taken = await client.SubmitAsync("/account/register?kind=citizen", WithConsents(Form(existing.Email!), RequiredConsents));
        using var added = await client.SubmitAsync("/account/register?kind=citizen", WithConsents(Form(fresh), RequiredConsents));
        await using var db = factory.CreateDbContext();

        Assert.Equal((HttpStatusCode.Redirect, "/account/sign-in"), (taken.StatusCode, PageClient.RedirectPath(taken)));
        Assert.Equal((HttpStatusCode.Redirect, "/account/sign-in"), (added.StatusCode, PageClient.RedirectPath(added)));
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == existing.Email));
        Assert.Equal(["Notification.SignUpAgain"], await db.Notifications.Where(n => n.RecipientId == existing.Id).Select(n => n.MessageKey).ToListAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ConfirmationLink_ThatIsWrong_IsRefusedKindly_AndSigningUpAgainSendsANewOne(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        using var client = factory.CreatePageClient();
        var email = Members.UniqueEmail("relink");

        using var first = await client.SubmitAsync("/account/register?kind=citizen", WithConsents(Form(email), RequiredConsents));
        var link = await ConfirmationLinkAsync(factory, email);
        using var tampered = await client.SubmitAsync(link, [], link[..^4] + "AAAA");
        using var unknown = await client.SubmitAsync(link, [], $"/account/confirm-email?user={Guid.NewGuid()}&code=abc");
        using var again = await client.SubmitAsync("/account/register?kind=citizen", WithConsents(Form(email), RequiredConsents));
        await using var db = factory.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);

        Assert.Contains("확인 링크가 올바르지 않거나 만료되었거나 이미 쓰였습니다", WebUtility.HtmlDecode(await tampered.Content.ReadAsStringAsync()));
        Assert.Contains("확인 링크가 올바르지 않거나 만료되었거나 이미 쓰였습니다", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()));
        Assert.False(user.EmailConfirmed);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        // A new link, unless the first went out in the same minute (one e-mail a minute, so nobody is mail-bombed).
        Assert.InRange(await db.Notifications.CountAsync(n => n.RecipientId == user.Id && n.MessageKey == "Notification.ConfirmEmail"), 1, 2);
    }
}
