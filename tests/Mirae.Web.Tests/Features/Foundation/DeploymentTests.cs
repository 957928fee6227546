using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mirae.Web.Data;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Foundation;

/// <summary>
/// Deployment hardening on the real Kestrel host (issue 16): the configured public address, not the Host header, makes
/// links; unknown hosts are refused; forwarded headers count only from known proxies; HTTPS brings HSTS and Secure
/// cookies; no Server banner; TRACE refused.
/// </summary>
[Collection("web")]
public sealed class DeploymentTests
{
    private static async Task<(MiraeFactory Factory, HttpClient Http)> KestrelAsync(string knownProxy)
    {
        var factory = new MiraeFactory(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), new Dictionary<string, string?>
        {
            ["Site:PublicUrl"] = "https://mirae.example.kr",
            ["Site:KnownProxies:0"] = knownProxy,
            ["AllowedHosts"] = "mirae.example.kr;127.0.0.1",
        });
        var address = factory.StartKestrel();
        return (factory, new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address });
    }

    [Fact]
    public async Task Kestrel_SendsNoServerBanner_RefusesTraceAndUnknownHosts_AndLinksFromThePublicAddress()
    {
        var (factory, http) = await KestrelAsync(knownProxy: "10.9.9.9");
        await using var _ = factory;
        using var __ = http;
        await ProgramData.AddCallAsync(factory);

        using var home = await http.GetAsync("/");
        using var trace = await http.SendAsync(new HttpRequestMessage(HttpMethod.Trace, "/"));
        using var evil = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = "evil.example" } });
        var calls = await http.GetFromJsonAsync<JsonElement>("/api/v1/calls");
        using var forwarded = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/account/sign-in") { Headers = { { "X-Forwarded-Proto", "https" } } });

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.False(home.Headers.Contains("Server"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, trace.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, evil.StatusCode);
        Assert.StartsWith("https://mirae.example.kr/calls/", calls.GetProperty("items")[0].GetProperty("url").GetString());
        // 127.0.0.1 is not the known proxy: its X-Forwarded-Proto is ignored.
        Assert.False(forwarded.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain(forwarded.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task BehindTheKnownProxy_HttpsBringsHstsAndSecureCookies()
    {
        var (factory, http) = await KestrelAsync(knownProxy: "127.0.0.1");
        await using var _ = factory;
        using var __ = http;

        using var plain = await http.GetAsync("/account/sign-in");
        using var https = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/account/sign-in") { Headers = { { "X-Forwarded-Proto", "https" } } });

        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal("max-age=31536000; includeSubDomains", string.Join("", https.Headers.GetValues("Strict-Transport-Security")));
        Assert.All(https.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }
}
