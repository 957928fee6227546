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
public sealed class SupplyChainTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static async Task<(Organization Buyer, PageClient Client, Mirae.Web.Features.Accounts.AppUser Member)> BuyerAsync(MiraeFactory factory, string name)
    {
        var buyer = await DirectoryData.AddOrganizationAsync(factory, name, kind: OrganizationKind.Buyer);
        var (client, member) = await DirectoryData.SignedInMemberOfAsync(factory, buyer.Id);
        return (buyer, client, member);
    }

    private static async Task<HttpResponseMessage> RecordAsync(PageClient buyer, int buyerId, string productCode, string decision, bool shared, string tests = "",
        string? nextReview = "2027-06-30") =>
        await buyer.SubmitAsync("/my/qualifications", new Dictionary<string, string>
        {
            ["BuyerId"] = $"{buyerId}", ["ProductCode"] = productCode, ["Decision"] = decision, ["NextReviewOn"] = nextReview ?? "",
            ["Shared"] = shared ? "true" : "false", ["Summary"] = "3개 로트 시험 완료, 공정 적용 승인", ["Tests"] = tests,
        });

    [Fact]
    public async Task ABuyerNeverSeesAnotherBuyersTestResults_OnlyTheSharedDecision_WhichRanksTheProductHigher()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var supplier = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤필터공급(주)");
        var productId = await DirectoryData.AddProductAsync(factory, supplier.Id);
        string code;
        int material;
        await using (var db = factory.CreateDbContext())
        {
            var product = await db.Products.Where(p => p.Id == productId).Select(p => new { p.Code, p.MaterialId }).SingleAsync();
            (code, material) = (product.Code, product.MaterialId);
        }
        var (first, firstClient, _) = await BuyerAsync(factory, "뮤뮤수요가(주)");
        var (second, secondClient, _) = await BuyerAsync(factory, "뮤뮤수요나(주)");
        int needId;
        using (var scope = factory.Services.CreateScope())
        {
            var secondMember = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Memberships.Where(m => m.OrganizationId == second.Id).Select(m => m.UserId).FirstAsync();
            needId = await scope.ServiceProvider.GetRequiredService<PostNeed>().HandleAsync(second.Id,
                new Need.Terms(material, "뮤뮤 수요", "", [], [], "", null, NeedVisibility.Public, []), secondMember, CancellationToken.None);
        }
        async Task<JsonElement> MatchAsync() => (await secondClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/needs/{needId}/matches?limit=100"))
            .EnumerateArray().Single(m => m.GetProperty("productId").GetInt32() == productId);

        var before = await MatchAsync();
        using var unshared = await RecordAsync(firstClient, first.Id, code, "Approved", shared: false, "2026-11-02 | L2611 | 비밀추출물 | 12 ppm | 적합");
        var whileUnshared = await MatchAsync();
        using var shared = await RecordAsync(firstClient, first.Id, code, "Approved", shared: true, "2026-11-02 | L2611 | 비밀추출물 | 12 ppm | 적합");
        var afterSharing = await MatchAsync();
        var (_, secondOwn) = await secondClient.GetPageAsync("/my/qualifications");
        var (_, firstOwn) = await firstClient.GetPageAsync("/my/qualifications");
        var matchesJson = await secondClient.Http.GetStringAsync($"/api/v1/needs/{needId}/matches?limit=100");

        Assert.Equal(HttpStatusCode.Redirect, unshared.StatusCode);
        Assert.Equal(before.GetProperty("score").GetInt32(), whileUnshared.GetProperty("score").GetInt32());
        Assert.Equal(before.GetProperty("score").GetInt32() + 8, afterSharing.GetProperty("score").GetInt32());
        Assert.Contains(afterSharing.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("kind").GetString() == "qualification" && r.GetProperty("met").GetBoolean());
        Assert.Contains("비밀추출물", firstOwn);
        Assert.DoesNotContain("비밀추출물", secondOwn);
        Assert.DoesNotContain("비밀추출물", matchesJson);
        await using var ledger = factory.CreateDbContext();
        var logged = await ledger.LedgerEntries.Where(e => e.Kind == Mirae.Web.Features.Ledger.LedgerKinds.QualificationShared && e.Subject.EndsWith("/" + code))
            .Select(e => e.Body).ToListAsync();
        var body = Assert.Single(logged); // only the shared decision goes into the public log
        Assert.Contains("\"decision\":\"Approved\"", body);
        Assert.Contains($"\"buyerBusinessNumber\":\"{first.BusinessNumber}\"", body);
        Assert.DoesNotContain("비밀추출물", body); // the buyer's own test results stay its own

        // The shared approval has a printable certificate anyone may open, whose QR code leads to its entry; one not shared has none.
        var qualificationId = await ledger.Qualifications.Where(q => q.BuyerId == first.Id && q.ProductId == productId).Select(q => q.Id).SingleAsync();
        await factory.Services.GetRequiredService<Mirae.Web.Features.Ledger.LedgerSequencer>().RunOnceAsync(CancellationToken.None);
        var index = await ledger.LedgerEntries.Where(e => e.Kind == Mirae.Web.Features.Ledger.LedgerKinds.QualificationShared && e.Subject.EndsWith("/" + code))
            .Select(e => e.Index).SingleAsync();
        using var anyone = factory.CreatePageClient();
        var (certificateStatus, certificate) = await anyone.GetPageAsync($"/qualifications/{qualificationId}/certificate");
        using var unsharedAgain = await RecordAsync(firstClient, first.Id, code, "Approved", shared: false);
        using var withdrawn = await anyone.Http.GetAsync($"/qualifications/{qualificationId}/certificate");
        Assert.Equal(HttpStatusCode.OK, certificateStatus);
        Assert.Contains("공급자 적격성 확인서", certificate);
        Assert.Contains("data-testid=\"certificate-qr\"", certificate);
        Assert.Contains($"/verify?q={index}", certificate);
        Assert.Contains("뮤뮤수요가(주)", certificate);
        Assert.DoesNotContain("비밀추출물", certificate);
        Assert.Contains($"/qualifications/{qualificationId}/certificate", firstOwn);
        Assert.Equal(HttpStatusCode.NotFound, withdrawn.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AChangeNotice_ReachesExactlyTheBuyersThatQualifiedTheProduct_AndTheSupplierSeesWhoAcknowledged(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var supplier = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤마개공급(주)");
        var productId = await DirectoryData.AddProductAsync(factory, supplier.Id);
        var (supplierClient, _) = await DirectoryData.SignedInMemberOfAsync(factory, supplier.Id);
        string code;
        await using (var db = factory.CreateDbContext())
        {
            code = await db.Products.Where(p => p.Id == productId).Select(p => p.Code).SingleAsync();
        }
        var approved = await BuyerAsync(factory, "뮤뮤승인(주)");
        var conditional = await BuyerAsync(factory, "뮤뮤조건부(주)");
        var disqualified = await BuyerAsync(factory, "뮤뮤부적격(주)");
        var testing = await BuyerAsync(factory, "뮤뮤시험중(주)");
        using var r1 = await RecordAsync(approved.Client, approved.Buyer.Id, code, "Approved", shared: false);
        using var r2 = await RecordAsync(conditional.Client, conditional.Buyer.Id, code, "Conditional", shared: false);
        using var r3 = await RecordAsync(disqualified.Client, disqualified.Buyer.Id, code, "Disqualified", shared: false, nextReview: null);
        using var r4 = await RecordAsync(testing.Client, testing.Buyer.Id, code, "Testing", shared: false, nextReview: null);
        var effective = DateTime.UtcNow.AddHours(9).Date;
        Dictionary<string, string> Change(int days) => new()
        {
            ["ProductId"] = $"{productId}", ["Category"] = "Moderate", ["Description"] = "고무 배합 원료 공급처 변경", ["AffectedLots"] = "L2701 이후",
            ["EffectiveOn"] = effective.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };

        using var tooSoon = await supplierClient.SubmitAsync("/my/changes", Change(30));
        using var disguised = await supplierClient.SubmitFilesAsync("/my/changes",
            new Dictionary<string, (string, byte[])> { ["Document"] = ("변경 근거.pdf", Files.Exe()) }, Change(120));
        using var filed = await supplierClient.SubmitFilesAsync("/my/changes",
            new Dictionary<string, (string, byte[])> { ["Document"] = ("변경 근거.pdf", Files.Pdf()) }, Change(120));
        var (_, approvedPage) = await approved.Client.GetPageAsync("/my/qualifications");
        var (_, disqualifiedPage) = await disqualified.Client.GetPageAsync("/my/qualifications");
        int noticeId;
        await using (var db = factory.CreateDbContext())
        {
            noticeId = await db.ChangeNotices.Where(n => n.ProductId == productId).Select(n => n.Id).SingleAsync();
        }
        using var acknowledged = await approved.Client.SubmitAsync("/my/qualifications",
            new Dictionary<string, string> { ["noticeId"] = $"{noticeId}", ["buyerId"] = $"{approved.Buyer.Id}" }, "/my/qualifications?handler=Acknowledge");
        using var intruder = await disqualified.Client.SubmitAsync("/my/qualifications",
            new Dictionary<string, string> { ["noticeId"] = $"{noticeId}", ["buyerId"] = $"{disqualified.Buyer.Id}" }, "/my/qualifications?handler=Acknowledge");
        var (_, supplierPage) = await supplierClient.GetPageAsync("/my/changes");
        using var document = await approved.Client.Http.GetAsync($"/my/changes?handler=File&noticeId={noticeId}");
        using var notForThem = await disqualified.Client.Http.GetAsync($"/my/changes?handler=File&noticeId={noticeId}");

        Assert.Contains("id=\"EffectiveOn-error\"", await tooSoon.Content.ReadAsStringAsync());
        Assert.Contains("id=\"Document-error\"", await disguised.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal("attachment", document.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(Files.Pdf(), await document.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, notForThem.StatusCode);
        Assert.Equal("/my/changes", PageClient.RedirectPath(filed));
        await using var check = factory.CreateDbContext();
        var addressed = await check.ChangeNotices.Where(n => n.Id == noticeId).SelectMany(n => n.Acknowledgements).Select(a => a.BuyerId).OrderBy(b => b).ToListAsync();
        Assert.Equal(new[] { approved.Buyer.Id, conditional.Buyer.Id }.Order(), addressed);
        var notified = await check.Notifications.Where(n => n.Key.StartsWith($"change:{noticeId}:")).Select(n => n.RecipientId).ToListAsync();
        Assert.Equal(new[] { approved.Member.Id, conditional.Member.Id }.Order(), notified.Order());
        Assert.Contains("고무 배합 원료 공급처 변경", approvedPage);
        Assert.DoesNotContain("고무 배합 원료 공급처 변경", disqualifiedPage);
        Assert.Equal("/my/qualifications", PageClient.RedirectPath(acknowledged));
        Assert.StartsWith("/account/access-denied", PageClient.RedirectPath(intruder), StringComparison.Ordinal);
        Assert.Contains("뮤뮤승인(주):", supplierPage);
        Assert.Matches("뮤뮤승인\\(주\\): [0-9-]+ [0-9:]+ 확인", supplierPage);
        Assert.Contains("뮤뮤조건부(주): 미확인", supplierPage);
        // The supplier's notice is in the public log: when and what kind, the text and document by their hashes, never the buyers.
        var logged = Assert.Single(await check.LedgerEntries.Where(e => e.Kind == Mirae.Web.Features.Ledger.LedgerKinds.ChangeNotified
            && e.Subject == $"product:{supplier.BusinessNumber}/{code}").Select(e => e.Body).ToListAsync());
        Assert.Contains($"\"changeNoticeId\":{noticeId}", logged);
        Assert.Contains("\"category\":\"Moderate\"", logged);
        Assert.Contains("\"descriptionSha256\":\"" + Mirae.Web.Features.Ledger.LedgerRecords.Sha256("고무 배합 원료 공급처 변경") + "\"", logged);
        Assert.Contains("\"documentSha256\":\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Files.Pdf())) + "\"", logged);
        Assert.DoesNotContain("고무", logged);
        Assert.DoesNotContain(approved.Buyer.BusinessNumber, logged);
    }
}
