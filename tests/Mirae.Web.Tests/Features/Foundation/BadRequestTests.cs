using System.Net;
using System.Net.Http.Json;
using System.Text;
using Mirae.Web.Data;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Foundation;

/// <summary>A request whose body the server cannot read is the sender's error: the friendly 400 or 413 page, never 500 (issue 16).</summary>
[Collection("web")]
public sealed class BadRequestTests(Hosts hosts)
{
    private static async Task<(HttpStatusCode Status, string Html)> PostAsync(PageClient client, string path, HttpContent content)
    {
        using var response = await client.Http.PostAsync(path, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string> UnreadableForms() => ["too-many-keys", "huge-value", "broken-multipart", "nul"];

    [Theory, MemberData(nameof(UnreadableForms))]
    public async Task UnreadableForm_ShowsTheBadRequestPage(string kind)
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreatePageClient();
        HttpContent content = kind switch
        {
            "too-many-keys" => new FormUrlEncodedContent(Enumerable.Range(0, 2000).Select(i => new KeyValuePair<string, string>($"k{i}", "v"))),
            "huge-value" => new StringContent("Input.Email=" + new string('a', 5 * 1024 * 1024), Encoding.ASCII, "application/x-www-form-urlencoded"),
            "broken-multipart" => new StringContent("--abc\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nvalue-without-end", Encoding.ASCII),
            _ => new StringContent("Input.Email=a%00b&Input.Password=x", Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        if (kind == "broken-multipart")
        {
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=abc");
        }

        var (status, html) = await PostAsync(client, "/account/sign-in", content);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("요청을 처리할 수 없습니다", html);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public async Task DatesAtTheCalendarsEdges_AreRefusedOnTheForm_AndTheCallPageStillOpens(string edge)
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var admin = await factory.AdminClientAsync();
        var callId = await ProgramData.AddCallAsync(factory, openFor: TimeSpan.FromDays(3));
        var product = await DirectoryData.AddProductAsync(factory, (await DirectoryData.AddOrganizationAsync(factory)).Id);
        var edit = $"/directory/products/{product}/edit";

        using var extended = await admin.SubmitAsync($"/admin/calls/{callId}",
            [new("Extension.NewClosesAt", edge + "T18:00"), new("Extension.Reason", "사유")], $"/admin/calls/{callId}?handler=Extend");
        using var certified = await admin.SubmitAsync(edit, [new("code", "ISO9001"), new("issuedOn", "2025-01-01"), new("expiresOn", edge)], edit + "?handler=AddCertificate");
        var (page, _) = await admin.GetPageAsync($"/admin/calls/{callId}");

        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        Assert.Contains("2000-01-01부터 2100-12-31 사이의 날짜", await extended.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, certified.StatusCode);
        Assert.Contains("2000-01-01부터 2100-12-31 사이의 날짜", await certified.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page);
    }

    [Fact]
    public async Task APageBeyondAnyList_IsEmpty_NotTheFirstPageAgain()
    {
        using var client = (await hosts.GetDemoAsync(DatabaseProvider.Sqlite)).CreatePageClient();

        var far = await client.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/notices?page=21474838&pageSize=100");
        var first = await client.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/notices?page=1&pageSize=100");

        Assert.True(first.GetProperty("items").GetArrayLength() > 0);
        Assert.Equal(0, far.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task UploadOverTheRequestLimit_ShowsTheTooLargePage_AndIsLogged()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var admin = await factory.AdminClientAsync();
        var product = await DirectoryData.AddProductAsync(factory, (await DirectoryData.AddOrganizationAsync(factory)).Id);
        var edit = $"/directory/products/{product}/edit";

        // The page takes 20 MB documents; 22 MB is over its request limit.
        using var response = await admin.SubmitFilesAsync(edit, new Dictionary<string, (string, byte[])> { ["file"] = ("coa.pdf", new byte[22 * 1024 * 1024]) },
            [new("kind", "CertificateOfAnalysis")], edit + "?handler=Upload");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("보낸 내용이 너무 큽니다", html);
        Assert.Contains(factory.Logs.Messages, m => m.Contains("Request body too large", StringComparison.OrdinalIgnoreCase));
    }
}

public sealed class NamesTests
{
    [Theory]
    [InlineData("evil\u202Egpj.pdf", "evilgpj.pdf")]
    [InlineData("\u2067보고서\u2069.hwp", "보고서.hwp")]
    [InlineData("plain.pdf", "plain.pdf")]
    public void FileNames_LoseTheControlsThatReorderText(string uploaded, string kept) =>
        Assert.Equal(kept, Mirae.Web.Infrastructure.FileTypes.SafeName(uploaded));

    [Fact]
    public void DisplayNames_LoseTheControlsThatReorderText() =>
        Assert.Equal("홍길동 (주)미래", Mirae.Web.Infrastructure.Names.Clean(" 홍길동 \u202E(주)미래\u200F "));
}
