using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Features.Directory;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Directory;

/// <summary>The directory search on the demo directory (300 suppliers, 2,080 products), through each provider's own engine.</summary>
[Collection("web")]
public sealed class SearchTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static async Task<SearchProducts.Result> SearchAsync(MiraeFactory factory, SearchProducts.Query query)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SearchProducts>().HandleAsync(query);
    }

    /// <summary>What a substring scan over the indexed Korean fields finds: the engine must find exactly that.</summary>
    private static Task<int> ScanCountAsync(AppDbContext db, string word) =>
        db.Products.CountAsync(p => p.NameKo.Contains(word) || (p.DescriptionKo != null && p.DescriptionKo.Contains(word))
            || p.Material.NameKo.Contains(word) || p.Material.Category.NameKo.Contains(word) || p.Organization.NameKo.Contains(word));

    public static TheoryData<DatabaseProvider, string> KoreanWords()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in TestDatabase.Providers())
        {
            foreach (var word in new[] { "바이러스", "배지", "필터", "마개", "멸균", "세포배양", "일회용", "백", "프로세스", "바이오프로세스", "엔도뉴클레아제" })
            {
                data.Add(provider, word);
            }
        }
        return data;
    }

    [Theory, MemberData(nameof(KoreanWords))]
    public async Task KoreanWord_FindsExactlyWhatASubstringScanFinds(DatabaseProvider provider, string word)
    {
        var factory = await hosts.GetDemoAsync(provider);
        await using var db = factory.CreateDbContext();

        var result = await SearchAsync(factory, new SearchProducts.Query(word, PageSize: 100));

        Assert.True(result.Page.Total > 0, word);
        Assert.Equal(await ScanCountAsync(db, word), result.Page.Total);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task CappedCount_OfAnyMaterialOrCategoryName_IsTheEnginesCountUpToTheCap(DatabaseProvider provider)
    {
        // The count may stop early at the products of materials that hold every word; it must never count more than the engine.
        var factory = await hosts.GetDemoAsync(provider);
        await using var db = factory.CreateDbContext();
        var materials = await db.Materials.Select(m => new { m.NameKo, m.NameEn, CategoryKo = m.Category.NameKo, CategoryEn = m.Category.NameEn, m.Code }).ToListAsync();
        var names = materials.SelectMany(m => new[] { m.NameKo, m.NameEn, m.CategoryKo, m.CategoryEn, m.Code }).Distinct().ToList();
        var queries = names.Concat(names.Select(n => n[..Math.Min(n.Length, 4)])).Concat(["배지 필터", "일회용 백", "culture medium", "bag cell", "필터 바이러스 제거"]).Distinct();

        foreach (var query in queries)
        {
            var terms = SearchAnalyzer.Query(query);
            var exact = await ProductSearch.Match(db, terms).CountAsync();
            foreach (var cap in new[] { 3, 30, 100_000 })
            {
                Assert.True(Math.Min(exact, cap + 1) == await ProductSearch.CountAsync(db, terms, cap, CancellationToken.None), $"{query} (cap {cap})");
            }
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AWordAndACertificate_FindExactlyTheProductsHoldingItValidThatTheWordFinds(DatabaseProvider provider)
    {
        var factory = await hosts.GetDemoAsync(provider);
        await using var db = factory.CreateDbContext();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        var certified = await db.ProductCertificates.Where(c => c.Code == "ISO9001" && c.IssuedOn <= today && c.ExpiresOn >= today).Select(c => c.ProductId)
            .Distinct().ToListAsync();
        var word = await db.Products.Where(p => p.NameKo.Contains("필터") || (p.DescriptionKo != null && p.DescriptionKo.Contains("필터"))
            || p.Material.NameKo.Contains("필터") || p.Material.Category.NameKo.Contains("필터") || p.Organization.NameKo.Contains("필터")).Select(p => p.Id).ToListAsync();

        // The certificate is pushed into the engine's query (issue 17.7); the result must not change.
        var result = await SearchAsync(factory, new SearchProducts.Query("필터", Cert: "ISO9001", PageSize: 100, WithFacets: false));

        var expected = word.Intersect(certified).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, result.Page.Total);
        Assert.Equal(expected.Take(100), result.Page.Items.Select(r => r.Id).Order().Take(100));
    }

    /// <summary>What people type (compounds without spaces, English word forms) and the query it must find the same products as (issue 17).</summary>
    public static TheoryData<DatabaseProvider, string, string> TypedAsPeopleType()
    {
        var data = new TheoryData<DatabaseProvider, string, string>();
        (string Typed, string Same)[] pairs =
        [
            ("바이러스필터", "바이러스 필터"), ("일회용백", "일회용 백"), ("세포배양배지", "세포배양 배지"), ("무혈청배지", "무혈청 배지"),
            ("고무마개", "고무 마개"), ("유리바이알", "유리 바이알"), ("멸균포장파우치", "멸균 포장 파우치"), ("피펫팁", "피펫 팁"),
            ("sterile", "steril"), ("sterilized", "steril"), ("filters", "filter"), ("syringes", "syringe"), ("bags", "bag"),
            ("connectors", "connector"), ("cell culture bags", "cell culture bag"),
        ];
        foreach (var provider in TestDatabase.Providers())
        {
            foreach (var (typed, same) in pairs)
            {
                data.Add(provider, typed, same);
            }
        }
        return data;
    }

    [Theory, MemberData(nameof(TypedAsPeopleType))]
    public async Task QueriesAsPeopleTypeThem_FindWhatTheirSpacedOrBaseFormsFind(DatabaseProvider provider, string typed, string same)
    {
        var factory = await hosts.GetDemoAsync(provider);

        var found = await SearchAsync(factory, new SearchProducts.Query(typed, PageSize: 50, WithFacets: false));
        var expected = await SearchAsync(factory, new SearchProducts.Query(same, PageSize: 50, WithFacets: false));

        Assert.True(expected.Page.Total > 0, $"{same} finds nothing in the demo");
        Assert.Equal(expected.Page.Total, found.Page.Total);
        Assert.Equal(expected.Page.Items.Select(r => r.Id), found.Page.Items.Select(r => r.Id));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AQueryThatFindsNothing_SuggestsTheClosestQueryThatDoes(DatabaseProvider provider)
    {
        var factory = await hosts.GetDemoAsync(provider);
        using var client = factory.CreatePageClient();

        var typo = await SearchAsync(factory, new SearchProducts.Query("바이러스 필타", WithFacets: false));
        var english = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/products?q=fliter");
        var (_, page) = await client.GetPageAsync("/directory?q=" + Uri.EscapeDataString("세포배앙 배지"));
        var nothingNear = await SearchAsync(factory, new SearchProducts.Query("qqqzzz", WithFacets: false));
        var found = await SearchAsync(factory, new SearchProducts.Query("바이러스 필터", WithFacets: false));

        Assert.Equal((0, "바이러스 필터"), (typo.Page.Total, typo.Suggestion));
        Assert.Equal("filter", english.GetProperty("didYouMean").GetString());
        Assert.Contains("이것을 찾으셨나요?", page);
        Assert.Contains("세포배양 배지</a>", page);
        Assert.Null(nothingNear.Suggestion);
        Assert.Null(found.Suggestion);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task SeveralWords_AllMustMatch_InAnyOrder(DatabaseProvider provider)
    {
        var factory = await hosts.GetDemoAsync(provider);

        var both = await SearchAsync(factory, new SearchProducts.Query("필터 바이러스", PageSize: 100));
        var reversed = await SearchAsync(factory, new SearchProducts.Query("바이러스 필터", PageSize: 100));
        var filters = await SearchAsync(factory, new SearchProducts.Query("필터", PageSize: 100));

        Assert.Equal(both.Page.Total, reversed.Page.Total);
        Assert.InRange(both.Page.Total, 1, filters.Page.Total - 1);
        Assert.All(both.Page.Items, r => Assert.Contains("바이러스 제거 필터", r.NameKo));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task EnglishPartialWords_MatchAsPrefixes_AndNamesRankFirst(DatabaseProvider provider)
    {
        var factory = await hosts.GetDemoAsync(provider);

        var result = await SearchAsync(factory, new SearchProducts.Query("virus filt", PageSize: 10));

        Assert.True(result.Page.Total > 0);
        Assert.All(result.Page.Items, r =>
        {
            var words = r.NameEn!.ToUpperInvariant().Split(' ');
            Assert.Contains("VIRUS", words);
            Assert.Contains(words, w => w.StartsWith("FILT", StringComparison.Ordinal));
        });
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Facets_CountTheFilteredResult(DatabaseProvider provider)
    {
        var factory = await hosts.GetDemoAsync(provider);

        var all = await SearchAsync(factory, new SearchProducts.Query("배지"));
        var material = all.Facets.Materials[0];
        var narrowed = await SearchAsync(factory, new SearchProducts.Query("배지", Material: material.Value));

        Assert.Equal(all.Page.Total, all.Facets.Materials.Sum(m => m.Count));
        Assert.Equal(all.Page.Total, all.Facets.Target.Sum(t => t.Count));
        Assert.Equal(all.Page.Total, all.Facets.Categories.Sum(c => c.Count));
        Assert.Equal(material.Count, narrowed.Page.Total);
        Assert.All(narrowed.Page.Items, r => Assert.Equal(material.Value, r.MaterialCode));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task CertFilter_KeepsOnlyProductsHoldingItValidOnTheDay(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var counts = new List<int>();
        foreach (var day in new[] { new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(9)), new DateTimeOffset(2028, 6, 1, 0, 0, 0, TimeSpan.FromHours(9)) })
        {
            await using var factory = new MiraeFactory(database, new Dictionary<string, string?> { ["Seed:Demo"] = "true" }, ownsDatabase: false, clock: new FixedClock(day));
            factory.StartServer();
            var date = DateOnly.FromDateTime(day.DateTime);
            var result = await SearchAsync(factory, new SearchProducts.Query(Cert: "USP665", PageSize: 100));
            await using var db = factory.CreateDbContext();
            var expected = await db.Products.CountAsync(p => p.Certificates.Any(c => c.Code == "USP665" && c.IssuedOn <= date && c.ExpiresOn >= date));

            Assert.Equal(expected, result.Page.Total);
            Assert.All(result.Page.Items, r => Assert.Contains(r.Certifications, c => c.Code == "USP665" && c.IssuedOn <= date && date <= c.ExpiresOn));
            Assert.Equal(expected, result.Facets.Certifications.Single(c => c.Value == "USP665").Count);
            counts.Add(result.Page.Total);
        }
        Assert.NotEqual(counts[0], counts[1]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ProductsApi_ReturnsTheDocumentedShape(DatabaseProvider provider)
    {
        using var client = (await hosts.GetDemoAsync(provider)).CreatePageClient();

        var page = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/products?q=%EB%A7%88%EA%B0%9C&target=true&pageSize=3");

        Assert.True(page.GetProperty("total").GetInt32() > 0);
        var item = page.GetProperty("items")[0];
        foreach (var name in new[] { "id", "productCode", "materialCode", "nameKo", "nameEn", "organization", "certifications" })
        {
            Assert.True(item.TryGetProperty(name, out _), name);
        }
        Assert.Matches(@"^\d{3}-\d{2}-\d{5}$", item.GetProperty("organization").GetProperty("businessNumber").GetString()!);
        Assert.Contains("마개", item.GetProperty("nameKo").GetString());
    }

    [Fact]
    public async Task DirectoryApi_WritesKoreanAsText_AndStillEscapesHtmlCharacters()
    {
        var factory = await hosts.GetDemoAsync(DatabaseProvider.Sqlite);
        // A word of its own: other tests count the demo's products by common words such as 마개.
        var word = "뮤뮤" + (char)(0xAC00 + Random.Shared.Next(11172)) + (char)(0xAC00 + Random.Shared.Next(11172));
        var supplier = await DirectoryData.AddOrganizationAsync(factory, word + "(주)");
        await DirectoryData.AddProductAsync(factory, supplier.Id, word + " <b>&'\"");
        using var client = factory.CreatePageClient();

        var body = await client.Http.GetStringAsync("/api/v1/products?q=" + Uri.EscapeDataString(word));

        Assert.Contains($"\"nameKo\":\"{word} \\u003Cb\\u003E\\u0026\\u0027\\u0022\"", body);
        Assert.Equal(word + " <b>&'\"", JsonDocument.Parse(body).RootElement.GetProperty("items")[0].GetProperty("nameKo").GetString());
    }

    [Theory]
    [InlineData("/api/v1/products?pageSize=0", 400, "validation_failed")]
    [InlineData("/api/v1/products?page=0", 400, "validation_failed")]
    [InlineData("/api/v1/products?target=maybe", 400, "bad_request")]
    [InlineData("/api/v1/products?category=x", 400, "bad_request")]
    [InlineData("/api/v1/organizations/123-45-67890", 400, "validation_failed")]
    [InlineData("/api/v1/organizations/124-81-00998", 404, "not_found")]
    public async Task DirectoryApi_BadParameters_AreProblemsNeverServerErrors(string url, int status, string code)
    {
        using var client = (await hosts.GetDemoAsync(DatabaseProvider.Sqlite)).CreatePageClient();

        using var response = await client.Http.GetAsync(url);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Search_WithEngineSyntaxInTheQuery_IgnoresItAndSearchesTheWords()
    {
        using var client = (await hosts.GetDemoAsync(DatabaseProvider.Sqlite)).CreatePageClient();

        using var response = await client.Http.GetAsync("/api/v1/products?q=" + Uri.EscapeDataString("\"필터\" (바이러스)* ^ : - + '&|!"));
        var withSyntax = await response.Content.ReadFromJsonAsync<JsonElement>();
        var plain = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/products?q=" + Uri.EscapeDataString("필터 바이러스"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(40, plain.GetProperty("total").GetInt32());
        Assert.Equal(plain.GetProperty("total").GetInt32(), withSyntax.GetProperty("total").GetInt32());
        Assert.Equal(plain.GetProperty("items").GetRawText(), withSyntax.GetProperty("items").GetRawText());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Relevance_PutsNameMatchesFirst_ThenTheRest_NewestFirstWithinEach_AcrossPages(DatabaseProvider provider)
    {
        var factory = await hosts.GetDemoAsync(provider);
        var word = "뮤뮤" + (char)(0xAC00 + Random.Shared.Next(11172)) + (char)(0xAC00 + Random.Shared.Next(11172)) + "캡슐";
        var supplier = await DirectoryData.AddOrganizationAsync(factory, word + "(주)");
        var older = await DirectoryData.AddProductAsync(factory, supplier.Id, word + " 구형");
        var newer = await DirectoryData.AddProductAsync(factory, supplier.Id, word + " 신형");
        // Named otherwise: it matches only through its supplier's name, which is in the body.
        var bodyOnly = await DirectoryData.AddProductAsync(factory, supplier.Id, "뮤뮤 무명 제품");
        using var client = factory.CreatePageClient();

        var first = await client.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/products?pageSize=2&q={Uri.EscapeDataString(word)}");
        var second = await client.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/products?pageSize=2&page=2&q={Uri.EscapeDataString(word)}");

        static int[] Ids(System.Text.Json.JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToArray();
        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.True(first.GetProperty("totalExact").GetBoolean());
        Assert.Equal([newer, older], Ids(first));
        Assert.Equal([bodyOnly], Ids(second));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task BroadQuery_CountsUpToTheCap_AndStillPagesPastIt(DatabaseProvider provider)
    {
        var factory = await hosts.GetDemoAsync(provider);
        await using var db = factory.CreateDbContext();
        using var client = factory.CreatePageClient();
        // Every demo description says "…에서 생산하는 …": more matches than the cap.
        Assert.True(await ScanCountAsync(db, "생산") > SearchProducts.CountCap);

        var first = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/products?pageSize=50&q=생산");
        var pastTheCap = await client.Http.GetFromJsonAsync<JsonElement>($"/api/v1/products?pageSize=50&page={SearchProducts.CountCap / 50 + 2}&q=생산");

        Assert.Equal(SearchProducts.CountCap, first.GetProperty("total").GetInt32());
        Assert.False(first.GetProperty("totalExact").GetBoolean());
        Assert.Equal(50, first.GetProperty("items").GetArrayLength());
        Assert.Equal(50, pastTheCap.GetProperty("items").GetArrayLength());
    }
}
