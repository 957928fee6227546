using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Directory;

[Collection("web")]
public sealed class DirectoryPagesTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task FacetCounts_AreKeptForRepeatedSearches_ButAChangeShowsAtOnce(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var organization = await DirectoryData.AddOrganizationAsync(factory);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var product = await DirectoryData.AddProductAsync(factory, organization.Id, "뮤뮤캐시 필터", ("ISO11737", today.AddYears(-1), today.AddYears(1)));
        using var client = factory.CreatePageClient();
        var url = "/directory?q=" + Uri.EscapeDataString("뮤뮤캐시");

        var (_, before) = await client.GetPageAsync(url);
        var (_, secondPage) = await client.GetPageAsync(url + "&pageNumber=2"); // the same counts, from the cache
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Mirae.Web.Features.Directory.ChangeCertificates>().AddAsync(product, "USP88", today.AddMonths(-1), today.AddYears(2));
        }
        var (_, after) = await client.GetPageAsync(url);

        Assert.Contains("cert=ISO11737", before);
        Assert.DoesNotContain("cert=USP88", before);
        Assert.Contains("cert=ISO11737", secondPage);
        Assert.Contains("cert=USP88", after);
        // A registered certificate goes into the public log: the organization by business number, the code and dates.
        await using var db = factory.CreateDbContext();
        var code = await db.Products.Where(p => p.Id == product).Select(p => p.Code).SingleAsync();
        var entry = Assert.Single(await db.LedgerEntries.Where(e => e.Kind == Mirae.Web.Features.Ledger.LedgerKinds.CertificateRegistered
            && e.Subject == $"product:{organization.BusinessNumber}/{code}").Select(e => e.Body).ToListAsync());
        Assert.Contains("\"certificate\":\"USP88\"", entry);
        Assert.Contains($"\"expiresOn\":\"{today.AddYears(2):yyyy-MM-dd}\"", entry);
        var (_, productPage) = await client.GetPageAsync($"/directory/products/{product}"); // the product's 검증 panel lists it
        Assert.Contains("인증 등록", productPage.Split("data-testid=\"verify-panel\"")[1]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task EditProduct_ARefusedUploadOrCertificate_NamesOnlyItsOwnProblem(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var organization = await DirectoryData.AddOrganizationAsync(factory);
        var product = await DirectoryData.AddProductAsync(factory, organization.Id);
        var (client, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        using var _ = client;
        var edit = $"/directory/products/{product}/edit";

        using var upload = await client.SubmitFilesAsync(edit, new Dictionary<string, (string, byte[])> { ["file"] = ("virus.pdf", Files.Exe()) },
            new Dictionary<string, string> { ["kind"] = "CertificateOfAnalysis" }, edit + "?handler=Upload");
        using var certificate = await client.SubmitAsync(edit,
            new Dictionary<string, string> { ["code"] = "ISO9001", ["issuedOn"] = "2026-05-01", ["expiresOn"] = "2026-01-01" }, edit + "?handler=AddCertificate");

        foreach (var html in new[] { WebUtility.HtmlDecode(await upload.Content.ReadAsStringAsync()), WebUtility.HtmlDecode(await certificate.Content.ReadAsStringAsync()) })
        {
            Assert.Contains("data-testid=\"form-errors\"", html);
            Assert.DoesNotContain("제품 코드를 입력해 주세요", html);
            Assert.DoesNotContain("제품명(국문)을 입력해 주세요", html);
            Assert.DoesNotContain("원부자재 품목을 입력해 주세요", html);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task SearchPage_WorksWithoutJavaScript_WithFacetLinksThatNarrowTheResult(DatabaseProvider provider)
    {
        using var client = (await hosts.GetDemoAsync(provider)).CreatePageClient();

        var (status, html) = await client.GetPageAsync("/directory?q=" + Uri.EscapeDataString("바이러스"));
        var facetLink = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/directory\\?[^\"]*cert=USP665[^\"]*)\"").Groups[1].Value;
        var (_, narrowed) = await client.GetPageAsync(WebUtility.HtmlDecode(facetLink));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("검색 결과 40건", html);
        Assert.Contains("hx-boost=\"true\"", html);
        Assert.NotEmpty(facetLink);
        Assert.Contains("<strong aria-current=\"true\">USP665", narrowed);
        Assert.DoesNotContain("검색 결과 40건", narrowed);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ProductAndOrganizationPages_ShowSpecificationsCertificatesAndOtherProducts(DatabaseProvider provider)
    {
        var factory = await hosts.GetDemoAsync(provider);
        await using var db = factory.CreateDbContext();
        var product = await db.Products.Include(p => p.Organization).OrderBy(p => p.Id).FirstAsync(p => p.Code == "CHE-SUB-CELL-000");
        using var client = factory.CreatePageClient();

        var (status, html) = await client.GetPageAsync($"/directory/products/{product.Id}");
        var (orgStatus, org) = await client.GetPageAsync("/directory/organizations/909-86-03085");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<th scope=\"row\">용량</th><td>20 L</td>", html); // volume_l=20, in words (issue 17.9)
        Assert.Contains("다층 PE/EVOH", html);
        Assert.Contains("ISO13485", html);
        Assert.Contains("이 공급기업의 다른 제품", html);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(html.Split("data-testid=\"certificates\"")[1].Split("</table>")[0], "<th scope=\"row\">"));
        Assert.Equal(HttpStatusCode.OK, orgStatus);
        Assert.Contains("909-86-03085", org);
        Assert.Contains("제품 10개", org);
    }

    [Theory]
    [InlineData("/directory/products/999999")]
    [InlineData("/directory/organizations/124-81-00998")]
    [InlineData("/directory/organizations/not-a-number")]
    public async Task UnknownProductOrOrganization_IsAFriendlyNotFound(string url)
    {
        using var client = (await hosts.GetDemoAsync(DatabaseProvider.Sqlite)).CreatePageClient();

        var (status, html) = await client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("페이지를 찾을 수 없습니다", html);
    }

    [Fact]
    public async Task Export_IsUtf8CsvWithBom_OfTheCurrentResult()
    {
        using var client = (await hosts.GetDemoAsync(DatabaseProvider.Sqlite)).CreatePageClient();

        using var response = await client.Http.GetAsync("/directory/export?q=" + Uri.EscapeDataString("마개"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).TrimEnd().Split('\n');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.StartsWith("product_code,material_code,name_ko", lines[0]);
        Assert.Equal(48, lines.Length); // header + the 47 products that mention 마개
        Assert.All(lines.Skip(1), l => Assert.Contains("마개", l));
    }
}
