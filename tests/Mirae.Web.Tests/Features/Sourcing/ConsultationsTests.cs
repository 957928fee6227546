using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Sourcing;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Sourcing;

[Collection("web")]
public sealed class ConsultationsTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task StaffSchedule_MembersBookTheirSide_DoubleBookingIsRefused_AndTheSessionExportsToIcs(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        var buyer = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤상담수요(주)", kind: OrganizationKind.Buyer);
        var supplier = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤상담공급(주)");
        var rival = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤경쟁공급(주)");
        var (buyerClient, _) = await DirectoryData.SignedInMemberOfAsync(factory, buyer.Id);
        var (supplierClient, _) = await DirectoryData.SignedInMemberOfAsync(factory, supplier.Id);
        var (rivalClient, _) = await DirectoryData.SignedInMemberOfAsync(factory, rival.Id);
        var material = await DirectoryData.MaterialIdAsync(factory);
        var start = DateTime.UtcNow.AddHours(9).Date.AddDays(30).AddHours(14);

        using var scheduled = await staff.SubmitAsync("/admin/consultations", new Dictionary<string, string>
        {
            ["Input.MaterialId"] = $"{material}", ["Input.Title"] = "뮤뮤 필터 상담회", ["Input.StartsAt"] = start.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Place"] = "송도 회의실", ["Input.SlotMinutes"] = "30", ["Input.Slots"] = "3",
        });
        var url = PageClient.RedirectPath(scheduled)!;
        int[] slots;
        await using (var db = factory.CreateDbContext())
        {
            var id = int.Parse(url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
            slots = await db.ConsultationSessions.Where(s => s.Id == id).SelectMany(s => s.Slots).OrderBy(s => s.Number).Select(s => s.Id).ToArrayAsync();
        }
        Task<HttpResponseMessage> Book(PageClient client, int slot, int organization) =>
            client.SubmitAsync(url, new Dictionary<string, string> { ["slotId"] = $"{slot}", ["organizationId"] = $"{organization}" }, url + "?handler=Book");

        using var buyerBooks = await Book(buyerClient, slots[0], buyer.Id);
        using var supplierBooks = await Book(supplierClient, slots[0], supplier.Id);
        using var rivalTakesTaken = await Book(rivalClient, slots[0], rival.Id);
        using var buyerTwice = await Book(buyerClient, slots[0], buyer.Id);
        using var rivalBooksNext = await Book(rivalClient, slots[1], rival.Id);
        using var notMine = await Book(rivalClient, slots[2], supplier.Id);
        var (_, anonymousPage) = await factory.CreatePageClient().GetPageAsync(url);
        var (listStatus, list) = await factory.CreatePageClient().GetPageAsync("/consultations");
        var (adminStatus, _) = await staff.GetPageAsync("/admin/consultations");
        using var ics = await factory.CreatePageClient().Http.GetAsync(url + "?handler=Ics");
        var calendar = await ics.Content.ReadAsStringAsync();

        Assert.Matches(@"^/consultations/\d+$", url);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (listStatus, adminStatus));
        Assert.Contains("뮤뮤 필터 상담회", list);
        Assert.Equal(url, PageClient.RedirectPath(buyerBooks));
        Assert.Equal(url, PageClient.RedirectPath(supplierBooks));
        Assert.Contains("이 자리는 이미 예약되었습니다", await rivalTakesTaken.Content.ReadAsStringAsync());
        Assert.Contains("같은 시간에 이미 예약한 상담이 있습니다", await buyerTwice.Content.ReadAsStringAsync());
        Assert.Equal(url, PageClient.RedirectPath(rivalBooksNext));
        Assert.Contains("승인된 소속 회원만 예약할 수 있습니다", await notMine.Content.ReadAsStringAsync());
        Assert.DoesNotContain("뮤뮤상담수요(주)", anonymousPage); // who booked is not public
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        Assert.Equal(3, calendar.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains($"DTSTART:{start.AddHours(-9):yyyyMMdd'T'HHmmss'Z'}", calendar);
        Assert.Contains("\r\nEND:VCALENDAR\r\n", calendar);
        await using var check = factory.CreateDbContext();
        var booked = await check.Set<ConsultationSlot>().Where(s => slots.Contains(s.Id)).OrderBy(s => s.Number).Select(s => new { s.BuyerId, s.SupplierId }).ToListAsync();
        Assert.Equal((buyer.Id, supplier.Id), (booked[0].BuyerId!.Value, booked[0].SupplierId!.Value));
        Assert.Equal(rival.Id, booked[1].SupplierId);
        Assert.Null(booked[2].SupplierId);
    }

    [Fact]
    public async Task OverlappingSlots_InAnotherSession_AreRefused_ButBackToBackOnesAreNot()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var supplier = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤겹침(주)");
        var (_, member) = await DirectoryData.SignedInMemberOfAsync(factory, supplier.Id);
        using var scope = factory.Services.CreateScope();
        var schedule = scope.ServiceProvider.GetRequiredService<ScheduleSession>();
        var booking = scope.ServiceProvider.GetRequiredService<BookSlot>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var material = await db.Materials.Select(m => m.Id).FirstAsync();
        var start = DateTimeOffset.UtcNow.AddDays(40);
        var first = await schedule.HandleAsync(material, "뮤뮤 오전", "A", null, start, 60, 1, CancellationToken.None);
        var overlapping = await schedule.HandleAsync(material, "뮤뮤 겹침", "B", null, start.AddMinutes(30), 60, 1, CancellationToken.None);
        var after = await schedule.HandleAsync(material, "뮤뮤 이후", "C", "https://meet.example.kr/x", start.AddMinutes(60), 60, 1, CancellationToken.None);
        int Slot(int session) => db.ConsultationSessions.Where(s => s.Id == session).SelectMany(s => s.Slots).Select(s => s.Id).Single();

        await booking.HandleAsync(Slot(first), supplier.Id, member.Id, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<Mirae.Web.Infrastructure.DomainException>(() => booking.HandleAsync(Slot(overlapping), supplier.Id, member.Id, CancellationToken.None));
        db.ChangeTracker.Clear();
        await booking.HandleAsync(Slot(after), supplier.Id, member.Id, CancellationToken.None);

        Assert.Equal("slot.double-booked", refused.Code);
    }
}
