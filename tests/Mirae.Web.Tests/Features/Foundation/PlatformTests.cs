using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Foundation;

[Collection("web")]
public sealed class PlatformTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Home_WhenAnonymous_ShowsKoreanPortalWithDemoNotices(DatabaseProvider provider)
    {
        using var client = (await hosts.GetDemoAsync(provider)).CreatePageClient();

        var (status, html) = await client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html lang=\"ko\">", html);
        Assert.Contains("본문 바로가기", html);
        Assert.Contains("href=\"#main\"", html);
        Assert.Contains("개인정보처리방침", html);
        Assert.Contains("이용약관", html);
        Assert.Contains("2026년 바이오 원부자재 국산화 지원사업 참여기업 모집 공고", html);
        Assert.Contains("lib/krds/css/component/component.css", html);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task LanguageSwitch_WhenEnglishChosen_ServesEnglishUntilSwitchedBack(DatabaseProvider provider)
    {
        using var client = (await hosts.GetDemoAsync(provider)).CreatePageClient();

        using var switched = await client.SubmitAsync("/notices", [new("culture", "en-US"), new("returnUrl", "/notices")], "/culture");
        var (_, english) = await client.GetPageAsync("/notices");
        using var back = await client.SubmitAsync("/", [new("culture", "ko-KR"), new("returnUrl", "/")], "/culture");
        var (_, korean) = await client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/notices", switched.Headers.Location?.OriginalString);
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("2026 call: Bio raw and subsidiary materials localization program", english);
        Assert.Contains("<html lang=\"ko\">", korean);
    }

    [Fact]
    public async Task LanguageSwitch_OnANotFoundPage_ComesBackToTheAddressAskedFor()
    {
        using var client = (await hosts.GetAsync(DatabaseProvider.Sqlite)).CreatePageClient();

        var (status, html) = await client.GetPageAsync("/no-such-page?x=1");
        var returnUrl = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"returnUrl\" value=\"([^\"]*)\"").Groups[1].Value);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, status);
        Assert.Equal("/no-such-page?x=1", returnUrl); // was /error/404 (issue 17.8)
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Navigation_ShowsBuyersAndSuppliersOnlyTheirPages_AndACitizenIsToldWhoMayApply(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var supplier = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤길안내공급(주)");
        var buyer = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤길안내수요(주)", kind: Mirae.Web.Features.Directory.OrganizationKind.Buyer);
        var (supplierClient, _) = await DirectoryData.SignedInMemberOfAsync(factory, supplier.Id);
        var (buyerClient, _) = await DirectoryData.SignedInMemberOfAsync(factory, buyer.Id);
        using var citizen = await factory.SignedInClientAsync((await Members.RegisterAsync(factory)).Email!);
        var callId = await ProgramData.AddCallAsync(factory);

        var (_, supplierHome) = await supplierClient.GetPageAsync("/");
        var (_, buyerHome) = await buyerClient.GetPageAsync("/");
        var (qualificationsStatus, _) = await buyerClient.GetPageAsync("/my/qualifications");
        var (_, call) = await citizen.GetPageAsync($"/calls/{callId}");

        Assert.DoesNotContain("href=\"/my/qualifications\"", supplierHome); // a 403 for suppliers (issue 17.5)
        Assert.Contains("href=\"/my/changes\"", supplierHome);
        Assert.Contains("href=\"/my/qualifications\"", buyerHome);
        Assert.DoesNotContain("href=\"/my/changes\"", buyerHome);
        Assert.Equal(HttpStatusCode.OK, qualificationsStatus);
        Assert.DoesNotContain("data-testid=\"apply\"", call);
        Assert.Contains("기업 회원으로 가입하고 소속 기업의 승인을 받은 뒤 신청할 수 있습니다", call);
        supplierClient.Dispose();
        buyerClient.Dispose();
    }

    [Fact]
    public async Task EveryForm_IsValidatedByTheSite_NotByTheBrowsersBubbles()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        var forms = new List<string>();
        foreach (var url in new[] { "/", "/account/sign-in", "/account/register?kind=company", "/admin/calls", "/admin/calls/new", "/admin/users" })
        {
            var (_, html) = await staff.GetPageAsync(url);
            forms.AddRange(System.Text.RegularExpressions.Regex.Matches(html, "<form[^>]*>").Select(m => url + " " + m.Value));
        }

        Assert.NotEmpty(forms);
        Assert.All(forms, form => Assert.Contains("novalidate", form, StringComparison.Ordinal)); // the call and role forms lacked it (issue 17.8)
    }

    [Fact]
    public async Task LanguageSwitch_WithForeignReturnUrl_StaysOnSite()
    {
        using var client = (await hosts.GetAsync(DatabaseProvider.Sqlite)).CreatePageClient();

        using var response = await client.SubmitAsync("/", [new("culture", "en-US"), new("returnUrl", "https://evil.example/")], "/culture");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/lib/krds/css/common/common.css")]
    [InlineData("/api/v1/notices")]
    [InlineData("/no-such-page")]
    public async Task EveryResponse_CarriesSecurityHeaders(string url)
    {
        using var client = (await hosts.GetAsync(DatabaseProvider.Sqlite)).CreatePageClient();

        using var response = await client.Http.GetAsync(url);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task UnknownPage_ShowsFriendlyNotFoundPage_InTheReadersLanguage()
    {
        using var client = (await hosts.GetAsync(DatabaseProvider.Sqlite)).CreatePageClient();

        var (status, korean) = await client.GetPageAsync("/no-such-page");
        using var _ = await client.SubmitAsync("/", [new("culture", "en-US"), new("returnUrl", "/")], "/culture");
        var (_, english) = await client.GetPageAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("페이지를 찾을 수 없습니다", korean);
        Assert.Contains("Page not found", english);
    }

    [Fact]
    public async Task FormPost_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = (await hosts.GetAsync(DatabaseProvider.Sqlite)).CreatePageClient();

        using var response = await client.Http.PostAsync("/account/sign-in",
            new FormUrlEncodedContent([new("Input.Email", "a@example.kr"), new("Input.Password", "x")]));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("요청을 처리할 수 없습니다", html);
    }

    [Theory]
    [InlineData("/api/v1/no-such-thing", 404, "not_found")]
    [InlineData("/api/v1/me", 401, "unauthorized")]
    [InlineData("/api/v1/notices/999999", 404, "not_found")]
    [InlineData("/api/v1/notices?pageSize=1000", 400, "validation_failed")]
    public async Task Api_Errors_AreProblemDetailsWithStableCode(string url, int status, string code)
    {
        using var client = (await hosts.GetAsync(DatabaseProvider.Sqlite)).CreatePageClient();

        using var response = await client.Http.GetAsync(url);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Health_ReportsTheMigratedDatabase(DatabaseProvider provider)
    {
        using var client = (await hosts.GetAsync(provider)).CreatePageClient();

        using var response = await client.Http.GetAsync("/health");
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var database = health.GetProperty("database");
        Assert.Equal(provider.ToString(), database.GetProperty("provider").GetString());
        Assert.True(database.GetProperty("canConnect").GetBoolean());
        Assert.True(database.GetProperty("appliedMigrations").GetInt32() >= 1);
        Assert.Equal(0, database.GetProperty("pendingMigrations").GetInt32());
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi()
    {
        using var client = (await hosts.GetAsync(DatabaseProvider.Sqlite)).CreatePageClient();

        using var response = await client.Http.GetAsync("/openapi/v1.json");
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/notices", out _));
        Assert.True(paths.TryGetProperty("/api/v1/me", out _));
        Assert.True(paths.TryGetProperty("/health", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task NoticesApi_ListsNewestFirst_InTheRequestedLanguage(DatabaseProvider provider)
    {
        using var client = (await hosts.GetDemoAsync(provider)).CreatePageClient();
        client.Http.DefaultRequestHeaders.Add("Cookie", ".Mirae.Culture=c%3Den-US%7Cuic%3Den-US");

        var page = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/notices?page=1&pageSize=2");

        Assert.Equal(6, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("2026 call: Bio raw and subsidiary materials localization program", items[0].GetProperty("title").GetString());
        Assert.True(string.CompareOrdinal(items[0].GetProperty("publishedAt").GetString(), items[1].GetProperty("publishedAt").GetString()) > 0);
        Assert.EndsWith("+09:00", items[0].GetProperty("publishedAt").GetString());
    }

    [Theory]
    [InlineData("/account/change-password")]
    [InlineData("/admin/users")]
    public async Task ProtectedPage_WhenAnonymous_RedirectsToSignIn(string url)
    {
        using var client = (await hosts.GetAsync(DatabaseProvider.Sqlite)).CreatePageClient();

        using var response = await client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", PageClient.RedirectPath(response));
    }
}
