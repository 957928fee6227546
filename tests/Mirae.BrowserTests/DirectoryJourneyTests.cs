namespace Mirae.BrowserTests;

[Collection("browser")]
public sealed class DirectoryJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Buyer_Searches_NarrowsByFacet_OpensAProduct_AndItsSupplier()
    {
        var checks = await PageChecks.OpenAsync(fixture);
        var page = checks.Page;

        await page.GotoAsync("/directory");
        await checks.AssertAccessibleAsync("directory");
        await page.FillAsync("#q", "바이러스 필터");
        await page.PressAsync("#q", "Enter");
        await page.WaitForSelectorAsync("[data-testid=result-count]:has-text('40')");
        await checks.AssertAccessibleAsync("directory-search");

        // htmx swaps the results in place: the page is not reloaded, the address follows.
        await page.EvaluateAsync("() => window.__marker = 'kept'");
        await page.ClickAsync(".facet a:has-text('USP665')");
        await page.WaitForSelectorAsync(".facet strong[aria-current]:has-text('USP665')");
        Assert.Equal("kept", await page.EvaluateAsync<string>("() => window.__marker"));
        Assert.Contains("cert=USP665", page.Url);
        var narrowed = await page.InnerTextAsync("[data-testid=result-count]");
        Assert.DoesNotContain("40", narrowed);
        await checks.AssertAccessibleAsync("directory-facet");

        await page.ClickAsync(".product-list h3 a >> nth=0");
        await page.WaitForSelectorAsync("[data-testid=product-name]");
        Assert.Contains("바이러스 제거 필터", await page.InnerTextAsync("[data-testid=product-name]"));
        await checks.AssertAccessibleAsync("product");

        await page.ClickAsync("[data-testid=supplier-link]");
        await page.WaitForSelectorAsync("[data-testid=organization-name]");
        Assert.True(await page.Locator("[data-testid=organization-products] li").CountAsync() > 0);
        await checks.AssertAccessibleAsync("organization");
    }
}
