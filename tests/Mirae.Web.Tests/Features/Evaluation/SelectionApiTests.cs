using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mirae.Web.Data;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Evaluation;

[Collection("web")]
public sealed class SelectionApiTests(Hosts hosts)
{
    private const string Url = "/api/v1/selection/solve";

    private static object Request(long budget = 100_000_000, object[]? limits = null, int? maxAwards = null) => new
    {
        budget,
        minScore = 70,
        maxAwards,
        categoryLimits = limits ?? [],
        items = new object[]
        {
            new { id = "a", score = 95.5m, amount = 80_000_000L, category = "bio" },
            new { id = "b", score = 90m, amount = 50_000_000L, category = "bio" },
            new { id = "c", score = 85.25m, amount = 50_000_000L, category = "device" },
            new { id = "d", score = 65m, amount = 10_000_000L, category = "device" },
        },
    };

    [Fact]
    public async Task Solve_IsOpenToAnyone_AndReturnsTheOptimumBesideTheRankingOrder_WithAReasonForEach()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreatePageClient();

        using var response = await client.Http.PostAsJsonAsync(Url, Request());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["b", "c"], body.GetProperty("selected").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(175.25m, body.GetProperty("totalScore").GetDecimal());
        Assert.Equal(100_000_000, body.GetProperty("totalAmount").GetInt64());
        Assert.True(body.GetProperty("optimal").GetBoolean());
        Assert.Equal(["a"], body.GetProperty("greedy").GetProperty("selected").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(95.5m, body.GetProperty("greedy").GetProperty("totalScore").GetDecimal());
        var explanations = body.GetProperty("explanations");
        Assert.Equal("선정", explanations.GetProperty("b").GetString());
        Assert.Equal("남은 예산이 80,000,000원 부족", explanations.GetProperty("a").GetString());
        Assert.Equal("최저 점수 70.00점 미달 (65.00점)", explanations.GetProperty("d").GetString());
        Assert.Equal("Budget", body.GetProperty("verdicts").GetProperty("a").GetString());
        Assert.Equal(10_000_000, body.GetProperty("proof").GetProperty("budgetUnit").GetInt64());
    }

    [Fact]
    public async Task Solve_SpeaksEnglish_WhenAskedTo()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreatePageClient();
        using var message = new HttpRequestMessage(HttpMethod.Post, Url) { Content = JsonContent.Create(Request(limits: [new { category = "bio", max = 0 }])) };
        message.Headers.AcceptLanguage.ParseAdd("en");

        using var response = await client.Http.SendAsync(message);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(["c"], body.GetProperty("selected").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Category 'bio' already has its maximum of 0", body.GetProperty("explanations").GetProperty("a").GetString());
    }

    [Theory]
    [InlineData(100_000_000L, 2, 1, "maxAwards")]
    [InlineData(60_000_000L, 1, 1, "budget")]
    [InlineData(500_000_000L, 9, null, "categoryLimits")]
    public async Task Solve_WhenNoSelectionMeetsTheConstraints_IsA422NamingTheConstraint(long budget, int bioMin, int? deviceMin, string constraint)
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreatePageClient();
        object[] limits = deviceMin is null ? [new { category = "bio", min = bioMin }] : [new { category = "bio", min = bioMin }, new { category = "device", min = deviceMin }];

        using var response = await client.Http.PostAsJsonAsync(Url, Request(budget, limits, maxAwards: constraint == "maxAwards" ? 2 : null));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("selection_infeasible", body.GetProperty("code").GetString());
        Assert.Equal(constraint, body.GetProperty("constraint").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("{\"budget\": 0, \"items\": [{\"id\": \"a\", \"score\": 80, \"amount\": 1}]}", "budget")]
    [InlineData("{\"budget\": 100, \"items\": []}", "items")]
    [InlineData("{\"budget\": 100, \"items\": [{\"id\": \"a\", \"score\": 80.123, \"amount\": 1}]}", "items[0].score")]
    [InlineData("{\"budget\": 100, \"items\": [{\"id\": \"a\", \"score\": 80, \"amount\": 1}, {\"id\": \"a\", \"score\": 70, \"amount\": 2}]}", "items")]
    [InlineData("{\"budget\": 100, \"categoryLimits\": [{\"category\": \"x\", \"min\": 3, \"max\": 1}], \"items\": [{\"id\": \"a\", \"score\": 80, \"amount\": 1}]}", "categoryLimits[0]")]
    public async Task Solve_WithBadInput_IsA400NamingTheField(string json, string field)
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreatePageClient();

        using var response = await client.Http.PostAsync(Url, new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", body.GetProperty("code").GetString());
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task Solve_WithMalformedOrOversizedBodies_IsAProblemNeverA500()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreatePageClient();
        var huge = "{\"budget\": 100, \"items\": [" + string.Join(",", Enumerable.Range(0, 5000).Select(i => $"{{\"id\": \"item-{i:D6}\", \"score\": 80.5, \"amount\": 1000000}}")) + "]}";

        using var malformed = await client.Http.PostAsync(Url, new StringContent("{\"budget\": 1.5,", Encoding.UTF8, "application/json"));
        using var oversized = await client.Http.PostAsync(Url, new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Equal("payload_too_large", (await oversized.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Solve_BeyondTheRateLimit_Is429()
    {
        await using var factory = await MiraeFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["RateLimiting:CalculatorPermitLimit"] = "2" });
        using var client = factory.CreatePageClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.Http.PostAsJsonAsync(Url, Request());
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
