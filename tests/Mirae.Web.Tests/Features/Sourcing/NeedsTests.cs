using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Sourcing;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Sourcing;

[Collection("web")]
public sealed class NeedsTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Fact]
    public async Task InEnglish_NeedsNameBuyersAndMatchedSuppliersInEnglish()
    {
        var factory = await hosts.GetDemoAsync(DatabaseProvider.Sqlite);
        using var visitor = factory.CreatePageClient();
        visitor.Http.DefaultRequestHeaders.Add("Cookie", ".Mirae.Culture=c%3Den-US%7Cuic%3Den-US");
        await using var db = factory.CreateDbContext();
        var need = await db.Needs.Where(n => n.Visibility == NeedVisibility.Public).OrderBy(n => n.Id).FirstAsync();
        var buyer = await db.Organizations.SingleAsync(o => o.Id == need.BuyerId);

        var (_, list) = await visitor.GetPageAsync("/needs");
        var (_, page) = await visitor.GetPageAsync($"/needs/{need.Id}");

        Assert.False(string.IsNullOrEmpty(buyer.NameEn));
        Assert.Contains(WebUtility.HtmlEncode(buyer.NameEn!), list);
        Assert.DoesNotContain(buyer.NameKo, list);
        Assert.Contains(WebUtility.HtmlEncode(buyer.NameEn!), page);
        Assert.DoesNotContain("인천광역시", page); // regions of matched suppliers in English too
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task DemoNeeds_ArePublic_AndTheirMatchesNeverBreakAHardRequirement(DatabaseProvider provider)
    {
        var factory = await hosts.GetDemoAsync(provider);
        using var client = factory.CreatePageClient();

        var needs = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/needs?pageSize=100");
        var filter = needs.GetProperty("items").EnumerateArray().First(n => n.GetProperty("materialCode").GetString() == "FIL-VIR");
        var matches = await client.Http.GetFromJsonAsync<JsonElement>($"/api/v1/needs/{filter.GetProperty("id").GetInt32()}/matches?limit=50");
        var (status, page) = await client.GetPageAsync($"/needs/{filter.GetProperty("id").GetInt32()}");
        using var badLimit = await client.Http.GetAsync($"/api/v1/needs/{filter.GetProperty("id").GetInt32()}/matches?limit=0");

        Assert.True(needs.GetProperty("items").EnumerateArray().Count(n => n.GetProperty("visibility").GetString() == "public") >= 4);
        Assert.DoesNotContain(needs.GetProperty("items").EnumerateArray(), n => n.GetProperty("visibility").GetString() == "invited");
        var items = matches.EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.True(items.Zip(items.Skip(1)).All(p => p.First.GetProperty("score").GetInt32() >= p.Second.GetProperty("score").GetInt32()));
        var ids = items.Select(i => i.GetProperty("productId").GetInt32()).ToList();
        await using var db = factory.CreateDbContext();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        var products = await db.Products.Where(p => ids.Contains(p.Id)).Include(p => p.Specifications).Include(p => p.Certificates).Include(p => p.Material).ToListAsync();
        Assert.All(products, p =>
        {
            Assert.True(decimal.Parse(p.Specifications.Single(s => s.Key == "pore_size_nm").Value, System.Globalization.CultureInfo.InvariantCulture) <= 20);
            Assert.Contains(p.Certificates, c => c.Code == "ISO13485" && c.IsValidOn(today));
            Assert.StartsWith("FIL-", p.Material.Code, StringComparison.Ordinal);
        });
        Assert.All(items, i => Assert.Contains(i.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("kind").GetString() == "certificate"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"matches\"", page);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
    }

    [Fact]
    public async Task InvitedNeed_IsSeenOnlyByTheBuyerAndTheInvitedSuppliers()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var buyer = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤수요(주)", kind: OrganizationKind.Buyer);
        var invited = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤초청(주)");
        var (buyerClient, _) = await DirectoryData.SignedInMemberOfAsync(factory, buyer.Id);
        var (invitedClient, _) = await DirectoryData.SignedInMemberOfAsync(factory, invited.Id);
        var (strangerClient, _) = await DirectoryData.SignedInMemberOfAsync(factory, (await DirectoryData.AddOrganizationAsync(factory)).Id);
        using var anonymous = factory.CreatePageClient();
        var material = await DirectoryData.MaterialIdAsync(factory);

        using var posted = await buyerClient.SubmitAsync("/needs/new", new Dictionary<string, string>
        {
            ["Input.BuyerId"] = $"{buyer.Id}", ["Input.MaterialId"] = $"{material}", ["Input.Title"] = "뮤뮤 초청 수요",
            ["Input.Requirements"] = "pore_size_nm | -20 | 필수\nmembrane | PVDF", ["Input.Certificates"] = "iso13485", ["Input.Visibility"] = "Invited",
            ["Input.Invited"] = Mirae.Web.Features.Accounts.BusinessNumber.Format(invited.BusinessNumber),
        });
        var url = PageClient.RedirectPath(posted)!;
        var id = int.Parse(url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        Assert.Matches(@"^/needs/\d+$", url);
        Assert.Equal(HttpStatusCode.OK, (await buyerClient.GetPageAsync(url)).Status);
        Assert.Equal(HttpStatusCode.OK, (await invitedClient.GetPageAsync(url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetPageAsync(url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetPageAsync(url)).Status);
        using var invitedMatches = await invitedClient.Http.GetAsync($"/api/v1/needs/{id}/matches");
        using var anonymousMatches = await anonymous.Http.GetAsync($"/api/v1/needs/{id}/matches");
        Assert.Equal(HttpStatusCode.OK, invitedMatches.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, anonymousMatches.StatusCode);
        await using var check = factory.CreateDbContext();
        var need = await check.Needs.Include(n => n.Invitations).SingleAsync(n => n.Id == id);
        Assert.Equal(["ISO13485"], need.RequiredCertificates);
        Assert.Equal([new SpecRequirement("pore_size_nm", null, null, 20, true), new SpecRequirement("membrane", "PVDF", null, null, false)], need.Requirements);
        Assert.Equal([invited.BusinessNumber], need.Invitations.Select(i => i.BusinessNumber));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task PostingForABuyerTheMemberDoesNotActFor_IsRefusedOnTheForm_WithNothingSaved(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var own = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤자사(주)", kind: OrganizationKind.Buyer);
        var other = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤타사(주)", kind: OrganizationKind.Buyer);
        var (buyerClient, _) = await DirectoryData.SignedInMemberOfAsync(factory, own.Id);
        var material = await DirectoryData.MaterialIdAsync(factory);

        using var refused = await buyerClient.SubmitAsync("/needs/new", new Dictionary<string, string>
        {
            ["Input.BuyerId"] = $"{other.Id}", ["Input.MaterialId"] = $"{material}", ["Input.Title"] = "뮤뮤 남의 수요", ["Input.Visibility"] = "Public",
        });
        await using var db = factory.CreateDbContext();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("수요기업의 승인된 소속 회원만 수요를 등록할 수 있습니다", await refused.Content.ReadAsStringAsync());
        Assert.False(await db.Needs.AnyAsync(n => n.BuyerId == other.Id));
    }

    [Fact]
    public async Task PostingANeed_NeedsABuyerMembership_AndABadLineIsShownWithNothingSaved()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var buyer = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤수요2(주)", kind: OrganizationKind.Buyer);
        var (buyerClient, _) = await DirectoryData.SignedInMemberOfAsync(factory, buyer.Id);
        var (supplierClient, _) = await DirectoryData.SignedInMemberOfAsync(factory, (await DirectoryData.AddOrganizationAsync(factory)).Id);
        await using var db = factory.CreateDbContext();
        var before = await db.Needs.CountAsync();

        using var supplierPage = await supplierClient.Http.GetAsync("/needs/new");
        using var bad = await buyerClient.SubmitAsync("/needs/new", new Dictionary<string, string>
        {
            ["Input.BuyerId"] = $"{buyer.Id}", ["Input.MaterialId"] = $"{await db.Materials.Select(m => m.Id).FirstAsync()}", ["Input.Title"] = "뮤뮤 잘못된 수요",
            ["Input.Requirements"] = "pore_size_nm | 30-20", ["Input.Visibility"] = "Public",
        });

        Assert.StartsWith("/account/access-denied", PageClient.RedirectPath(supplierPage), StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Requirements-error\"", await bad.Content.ReadAsStringAsync());
        Assert.Equal(before, await db.Needs.CountAsync());
    }

    [Fact]
    public async Task ASupplierSeesTheNeedsItsProductsMatch_ExpressesInterestOnce_AndOnlyTheBuyerReadsIt()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var buyer = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤의향수요(주)", kind: OrganizationKind.Buyer);
        var supplier = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤의향공급(주)");
        var productId = await DirectoryData.AddProductAsync(factory, supplier.Id);
        var (buyerClient, _) = await DirectoryData.SignedInMemberOfAsync(factory, buyer.Id);
        var (supplierClient, _) = await DirectoryData.SignedInMemberOfAsync(factory, supplier.Id);
        using var other = factory.CreatePageClient();
        int material;
        await using (var db = factory.CreateDbContext())
        {
            material = await db.Products.Where(p => p.Id == productId).Select(p => p.MaterialId).SingleAsync();
        }
        using var posted = await buyerClient.SubmitAsync("/needs/new", new Dictionary<string, string>
        {
            ["Input.BuyerId"] = $"{buyer.Id}", ["Input.MaterialId"] = $"{material}", ["Input.Title"] = "뮤뮤 의향 수요", ["Input.Requirements"] = "pore_size_nm | -25 | 필수",
            ["Input.Visibility"] = "Public",
        });
        var url = PageClient.RedirectPath(posted)!;
        Dictionary<string, string> Interest(string message) => new() { ["supplierId"] = $"{supplier.Id}", ["message"] = message };

        var (_, mine) = await supplierClient.GetPageAsync("/my/needs");
        using var empty = await supplierClient.SubmitAsync(url, Interest(""), url + "?handler=Interest");
        using var sent = await supplierClient.SubmitAsync(url, Interest("3개 로트 시료 제공 가능합니다."), url + "?handler=Interest");
        using var again = await supplierClient.SubmitAsync(url, Interest("한 번 더"), url + "?handler=Interest");
        var (_, buyerPage) = await buyerClient.GetPageAsync(url);
        var (_, publicPage) = await other.GetPageAsync(url);

        Assert.Contains("뮤뮤 의향 수요", mine);
        Assert.Contains("id=\"message-error\"", await empty.Content.ReadAsStringAsync());
        Assert.Equal(url, PageClient.RedirectPath(sent));
        Assert.Contains("이미 참여 의향을 보냈습니다", await again.Content.ReadAsStringAsync());
        Assert.Contains("3개 로트 시료 제공 가능합니다.", buyerPage);
        Assert.DoesNotContain("3개 로트 시료 제공 가능합니다.", publicPage);
    }

    [Fact]
    public async Task MatchAll_GivesEachNeedTheSameMatchesAsMatchingItAlone()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var scope = factory.Services.CreateScope();
        var needs = scope.ServiceProvider.GetRequiredService<MatchNeeds>();
        var all = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Needs.AsNoTracking().OrderBy(n => n.Id).Take(10).ToListAsync();

        var batch = await needs.AllAsync(all, 20, CancellationToken.None);

        foreach (var need in all)
        {
            var alone = await needs.HandleAsync(need, 20, CancellationToken.None);
            Assert.Equal(alone.Select(m => (m.Product.ProductId, m.Score)), batch[need.Id].Select(m => (m.Product.ProductId, m.Score)));
        }
    }
}
