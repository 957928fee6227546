using Microsoft.Playwright;
using Mirae.Web.Features.Directory;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.BrowserTests;

[Collection("browser")]
public sealed class LocalizationJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task BuyerPostsANeed_SeesMatches_StaffScheduleASession_ASupplierBooks_TheBuyerQualifies_TheDashboardShowsIt()
    {
        var buyer = await DirectoryData.AddOrganizationAsync(fixture.Factory, "뮤뮤브라우저수요(주)", kind: OrganizationKind.Buyer);
        var supplier = await DirectoryData.AddOrganizationAsync(fixture.Factory, "뮤뮤브라우저공급(주)");
        var buyerMember = await Members.RegisterAsync(fixture.Factory);
        var supplierMember = await Members.RegisterAsync(fixture.Factory);
        await DirectoryData.LinkAsync(fixture.Factory, buyerMember.Id, buyer.Id);
        await DirectoryData.LinkAsync(fixture.Factory, supplierMember.Id, supplier.Id);

        // The buyer posts a need for pipette tips (a target with no demo activity) and sees ranked matches with reasons.
        var buyerPage = await PageChecks.OpenAsync(fixture);
        var page = buyerPage.Page;
        await buyerPage.SignInAsync(buyerMember.Email!, Members.Password);
        await page.GotoAsync("/needs");
        await buyerPage.AssertAccessibleAsync("needs");
        await page.ClickAsync("[data-testid=new-need]");
        await page.SelectOptionAsync("#Input_MaterialId", new SelectOptionValue { Label = "LAB-TIP · 피펫 팁" });
        await page.FillAsync("#Input_Title", "뮤뮤 피펫 팁 국산 공급처");
        await page.FillAsync("#Input_Requirements", "volume_ul | 100-1000 | 우대");
        await page.FillAsync("#Input_AnnualVolume", "연 50만 개");
        await buyerPage.AssertAccessibleAsync("need-new");
        await page.ClickAsync("[data-testid=post-need]");
        await page.WaitForSelectorAsync("[data-testid=matches]");
        await buyerPage.AssertAccessibleAsync("need-matches");
        var need = page.Url;

        // Staff schedule a session on the item.
        var staff = await PageChecks.OpenAsync(fixture);
        await staff.SignInAsync(MiraeFactory.AdminEmail, MiraeFactory.AdminPassword);
        await staff.Page.GotoAsync("/admin/consultations");
        await staff.Page.SelectOptionAsync("#Input_MaterialId", new SelectOptionValue { Label = "LAB-TIP · 피펫 팁" });
        await staff.Page.FillAsync("#Input_Title", "뮤뮤 피펫 팁 상담회");
        await staff.Page.FillAsync("#Input_StartsAt", DateTimeOffset.UtcNow.AddHours(9).AddDays(20).ToString("yyyy-MM-ddT14:00", System.Globalization.CultureInfo.InvariantCulture));
        await staff.Page.FillAsync("#Input_Place", "인천테크노파크");
        await staff.AssertAccessibleAsync("sessions-admin");
        await staff.Page.ClickAsync("[data-testid=schedule-session]");
        await staff.Page.WaitForSelectorAsync("[data-testid=slots]");
        var session = staff.Page.Url;

        // The supplier books the first slot; the buyer books the same slot's buyer side.
        var supplierPage = await PageChecks.OpenAsync(fixture);
        await supplierPage.SignInAsync(supplierMember.Email!, Members.Password);
        await supplierPage.Page.GotoAsync(session);
        await supplierPage.Page.ClickAsync("[data-testid=book-1]");
        await supplierPage.Page.WaitForSelectorAsync("[data-testid=flash]");
        await supplierPage.AssertAccessibleAsync("session-booked");
        await page.GotoAsync(session);
        await page.ClickAsync("[data-testid=book-1]");
        await page.WaitForSelectorAsync("[data-testid=slot-1]:has-text('뮤뮤브라우저수요(주)')");

        // From the need's first match, the buyer records an approval, supplying since last week.
        await page.GotoAsync(need);
        await page.ClickAsync("[data-testid=matches] > li:first-child a[data-testid^=qualify-]");
        await page.WaitForSelectorAsync("[data-testid=qualification-form]");
        Assert.NotEmpty(await page.InputValueAsync("#ProductCode"));
        await page.SelectOptionAsync("#Decision", "Approved");
        await page.FillAsync("#NextReviewOn", DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#SupplyingSince", DateTime.UtcNow.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#Tests", $"{DateTime.UtcNow.AddDays(-20):yyyy-MM-dd} | L1 | 용량 정확도 | ±1 % | 적합");
        if (!await page.IsCheckedAsync("#Shared"))
        {
            await page.ClickAsync("label[for=Shared]"); // the KRDS box: its label covers the input
        }
        Assert.True(await page.IsCheckedAsync("#Shared"));
        await buyerPage.AssertAccessibleAsync("qualification-form");
        await page.ClickAsync("[data-testid=record-qualification]");
        await page.WaitForSelectorAsync("[data-testid=qualifications] td:has-text('승인')");

        // The shared approval has a printable certificate with a QR code to the public log.
        await page.ClickAsync("[data-testid=certificate-link]");
        await page.WaitForSelectorAsync("[data-testid=certificate-qr]");
        await buyerPage.AssertAccessibleAsync("qualification-certificate");

        // The dashboard shows the item supplied, on its timeline and in the funnel.
        await staff.Page.GotoAsync("/admin/localization?Item=LAB-TIP");
        await staff.Page.WaitForSelectorAsync("[data-testid=timeline] td:has-text('공급 중')");
        Assert.Contains("뮤뮤브라우저수요(주)", await staff.Page.InnerTextAsync("[data-testid=stages]"));
        await staff.Page.WaitForFunctionAsync("() => document.querySelectorAll('canvas[data-chart]').length === 2 && window.Chart !== undefined");
        await staff.AssertAccessibleAsync("dashboard");
    }
}
