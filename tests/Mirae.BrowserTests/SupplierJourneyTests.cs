using Microsoft.Playwright;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.BrowserTests;

[Collection("browser")]
public sealed class SupplierJourneyTests(BrowserFixture fixture)
{
    // A demo supplier (Data/Seed/directory/organizations.csv).
    private const string Supplier = "909-86-03085";

    [Fact]
    public async Task Member_AsksForTheOrganization_StaffApprove_MemberCertifiesAndDocumentsAProduct()
    {
        var member = await Members.RegisterAsync(fixture.Factory, kind: MemberKind.CompanyMember, businessNumber: Supplier);
        var supplier = await PageChecks.OpenAsync(fixture);
        var page = supplier.Page;
        await supplier.SignInAsync(member.Email!, Members.Password);

        await page.ClickAsync("nav a[href='/my/organization']");
        Assert.Equal(Supplier, await page.InputValueAsync("#BusinessNumber"));
        await supplier.AssertAccessibleAsync("my-organization-empty");
        await page.ClickAsync("[data-testid=request-membership]");
        await page.WaitForSelectorAsync("[data-testid=memberships] :text('승인 대기')");
        await supplier.AssertAccessibleAsync("my-organization-pending");

        var staff = await PageChecks.OpenAsync(fixture);
        await staff.SignInAsync(MiraeFactory.AdminEmail, MiraeFactory.AdminPassword);
        await staff.Page.GotoAsync("/admin/memberships");
        await staff.AssertAccessibleAsync("memberships");
        var row = staff.Page.Locator("[data-testid=membership-requests] tr", new() { HasText = member.Email! });
        await row.Locator("button[value=Approve]").ClickAsync();
        await staff.Page.WaitForSelectorAsync("[data-testid=flash]");

        await page.GotoAsync("/notifications");
        await supplier.AssertAccessibleAsync("inbox");
        await page.ClickAsync("[data-testid=inbox] button >> nth=0");
        await page.WaitForSelectorAsync("[data-testid=owned-organization]");
        await supplier.AssertAccessibleAsync("my-organization-approved");

        await page.ClickAsync("[data-testid=owned-organization] tbody tr >> nth=0 >> a:has-text('수정')");
        await page.WaitForSelectorAsync("[data-testid=save-product]");
        await supplier.AssertAccessibleAsync("product-edit");
        await page.SelectOptionAsync("#cert-code", "MFDS-BIO-GMP");
        await page.FillAsync("#cert-issued", "2026-01-15");
        await page.FillAsync("#cert-expires", "2029-01-14");
        await page.ClickAsync("[data-testid=add-certificate]");
        await page.WaitForSelectorAsync("[data-testid=certificates] :text('MFDS-BIO-GMP')");
        await page.SelectOptionAsync("#doc-kind", "ExtractablesReport");
        await page.SetInputFilesAsync("#doc-file", new FilePayload { Name = "용출물 보고서.pdf", MimeType = "application/pdf", Buffer = Files.Pdf() });
        await page.ClickAsync("[data-testid=upload-document]");
        await page.WaitForSelectorAsync("[data-testid=documents] :text('용출물 보고서.pdf')");
        await supplier.AssertAccessibleAsync("product-edit-documented");

        await page.ClickAsync(".krds-breadcrumb-wrap a >> nth=2");
        await page.WaitForSelectorAsync("[data-testid=product-name]");
        Assert.Contains("용출물 보고서", await page.InnerTextAsync("[data-testid=documents]"));
        Assert.Contains("MFDS-BIO-GMP", await page.InnerTextAsync("[data-testid=certificates]"));
        await supplier.AssertAccessibleAsync("product-with-document");
    }
}
