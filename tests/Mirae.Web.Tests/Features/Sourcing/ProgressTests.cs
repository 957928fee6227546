using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Sourcing;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Sourcing;

public sealed class ProgressTests
{
    [Theory]
    [InlineData(false, false, false, false, false, Stage.Candidate)]
    [InlineData(true, false, false, false, false, Stage.SupplierIdentified)]
    [InlineData(false, true, false, false, false, Stage.InConsultation)]
    [InlineData(true, true, true, false, false, Stage.SampleUnderTest)]
    [InlineData(false, false, true, true, false, Stage.Qualified)]
    [InlineData(true, true, true, true, true, Stage.Supplying)]
    public void StageOf_IsTheFurthestStageTheFactsShow(bool need, bool consulted, bool tested, bool qualified, bool supplying, Stage expected) =>
        Assert.Equal(expected, LocalizationProgress.StageOf(new StageFacts(need, consulted, tested, qualified, supplying)));

    [Fact]
    public async Task Dashboard_FollowsOneBuyerFromNeedToSupply_AndCountsTheTargetAsLocalized()
    {
        await using var factory = await MiraeFactory.StartAsync(DatabaseProvider.Sqlite);
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        var buyer = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤대시보드(주)", kind: OrganizationKind.Buyer);
        var (buyerClient, member) = await DirectoryData.SignedInMemberOfAsync(factory, buyer.Id);
        var supplier = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤공급(주)");
        var productId = await DirectoryData.AddProductAsync(factory, supplier.Id, "뮤뮤 피펫 팁");
        await using var db = factory.CreateDbContext();
        var target = await db.Materials.Include(m => m.Category).SingleAsync(m => m.Code == DirectoryData.MaterialCode);
        target.Update(target.Category, target.NameKo, target.NameEn, null, 2020); // a localization target (2020) with no activity yet
        await db.SaveChangesAsync();
        var product = await db.Products.Where(p => p.Id == productId).Select(p => p.Code).SingleAsync();
        async Task<LocalizationProgress.Report> ReportAsync()
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<LocalizationProgress>().ReportAsync(CancellationToken.None);
        }
        async Task<Stage> StageAsync() =>
            (await ReportAsync()).Pairs.SingleOrDefault(p => p.BuyerId == buyer.Id && p.MaterialId == target.Id)?.Stage ?? Stage.Candidate;
        var (_, before) = await staff.GetPageAsync("/admin/localization");
        var localizedBefore = (await ReportAsync()).Localized;
        var stages = new List<Stage> { await StageAsync() };

        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PostNeed>().HandleAsync(buyer.Id,
                new Need.Terms(target.Id, "뮤뮤 피펫 팁", "", [], [], "", null, NeedVisibility.Public, []), member.Id, CancellationToken.None);
            stages.Add(await StageAsync());
            var schedule = scope.ServiceProvider.GetRequiredService<ScheduleSession>();
            var session = await schedule.HandleAsync(target.Id, "뮤뮤 상담", "송도", null, DateTimeOffset.UtcNow.AddDays(5), 30, 1, CancellationToken.None);
            var slot = await db.ConsultationSessions.Where(s => s.Id == session).SelectMany(s => s.Slots).Select(s => s.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<BookSlot>().HandleAsync(slot, buyer.Id, member.Id, CancellationToken.None);
            stages.Add(await StageAsync());
            var record = scope.ServiceProvider.GetRequiredService<RecordQualification>();
            await record.HandleAsync(buyer.Id, product, QualificationDecision.Testing, null, false, "", [], member.Id, CancellationToken.None);
            stages.Add(await StageAsync());
            await record.HandleAsync(buyer.Id, product, QualificationDecision.Approved, new DateOnly(2027, 12, 1), false, "", [], member.Id, CancellationToken.None);
            stages.Add(await StageAsync());
            await record.HandleAsync(buyer.Id, product, QualificationDecision.Approved, new DateOnly(2027, 12, 1), false, "", [], member.Id, CancellationToken.None,
                supplyingSince: new DateOnly(2026, 11, 1));
            stages.Add(await StageAsync());
        }
        var (status, after) = await staff.GetPageAsync($"/admin/localization?Item={DirectoryData.MaterialCode}");
        using var csv = await staff.Http.GetAsync("/admin/localization?handler=Csv");
        var (buyerStatus, _) = await buyerClient.GetPageAsync("/admin/localization");

        Assert.Equal(Enum.GetValues<Stage>(), stages);
        Assert.Equal(localizedBefore + 1, (await ReportAsync()).Localized);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"funnel\"", after);
        Assert.Contains("뮤뮤대시보드(주)", after);
        Assert.Contains("5 · 공급 중", after); // the furthest stage by the last date
        Assert.NotEqual(before, after);
        Assert.Contains(DirectoryData.MaterialCode, await csv.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.OK, buyerStatus);
    }
}
