using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Directory;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Directory;

[Collection("web")]
public sealed class OwnershipTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));

    /// <summary>Every write a product's page offers, aimed at <paramref name="productId"/> with a token from <paramref name="formUrl"/>.</summary>
    private static IEnumerable<(string Name, Func<Task<HttpResponseMessage>> Send)> Writes(PageClient client, string formUrl, int productId,
        int certificateId, int documentId, string businessNumber)
    {
        var edit = $"/directory/products/{productId}/edit";
        Dictionary<string, string> details = new()
        {
            ["Input.MaterialCode"] = DirectoryData.MaterialCode, ["Input.NameKo"] = "바꾼 이름", ["Input.Specifications"] = "k=v",
        };
        yield return ("details", () => client.SubmitAsync(formUrl, details, edit));
        yield return ("add certificate", () => client.SubmitAsync(formUrl,
            new Dictionary<string, string> { ["code"] = "KGMP", ["issuedOn"] = "2026-01-01", ["expiresOn"] = "2029-01-01" }, edit + "?handler=AddCertificate"));
        yield return ("remove certificate", () => client.SubmitAsync(formUrl,
            new Dictionary<string, string> { ["certificateId"] = certificateId.ToString(CultureInfo.InvariantCulture) }, edit + "?handler=RemoveCertificate"));
        yield return ("upload", () => client.SubmitFilesAsync(formUrl, new Dictionary<string, (string, byte[])> { ["file"] = ("coa.pdf", Files.Pdf()) },
            new Dictionary<string, string> { ["kind"] = "CertificateOfAnalysis" }, edit + "?handler=Upload"));
        yield return ("remove document", () => client.SubmitAsync(formUrl,
            new Dictionary<string, string> { ["documentId"] = documentId.ToString(CultureInfo.InvariantCulture) }, edit + "?handler=RemoveDocument"));
        yield return ("new product", () => client.SubmitAsync(formUrl, new Dictionary<string, string>(details) { ["Input.Code"] = "NEW-1" },
            $"/directory/organizations/{businessNumber}/products/new"));
    }

    private static async Task<(int Certificate, int Document)> WithCertificateAndDocumentAsync(MiraeFactory factory, int productId)
    {
        await using var db = factory.CreateDbContext();
        var product = await db.LoadProductForEditAsync(productId, CancellationToken.None);
        var file = Mirae.Web.Infrastructure.StoredFile.Create("coa.pdf", new(Mirae.Web.Infrastructure.FileType.Pdf, Files.Pdf()), DateTimeOffset.UtcNow);
        db.StoredFiles.Add(file);
        var document = product!.AddDocument(DocumentKind.CertificateOfAnalysis, file, Guid.NewGuid(), DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return (product.Certificates[0].Id, document.Id);
    }

    private static async Task<string> SnapshotAsync(MiraeFactory factory, int organizationId)
    {
        await using var db = factory.CreateDbContext();
        var products = await db.Products.AsNoTracking().Where(p => p.OrganizationId == organizationId).OrderBy(p => p.Id)
            .Select(p => new { p.Code, p.NameKo, p.UpdatedAt, Specs = p.Specifications.Count, Certs = p.Certificates.Count, Docs = p.Documents.Count })
            .ToListAsync();
        return string.Join("|", products);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task EveryWrite_OnAnotherOrganizationsProduct_IsForbiddenAndChangesNothing(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var own = await DirectoryData.AddOrganizationAsync(factory);
        var ownProduct = await DirectoryData.AddProductAsync(factory, own.Id);
        var other = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤다른(주)");
        var otherProduct = await DirectoryData.AddProductAsync(factory, other.Id, certificates: ("ISO13485", Today.AddYears(-1), Today.AddYears(2)));
        var (certificate, document) = await WithCertificateAndDocumentAsync(factory, otherProduct);
        var (client, _) = await DirectoryData.SignedInMemberOfAsync(factory, own.Id);
        var before = await SnapshotAsync(factory, other.Id);
        using var _ = client;

        using var editPage = await client.Http.GetAsync($"/directory/products/{otherProduct}/edit");
        using var newPage = await client.Http.GetAsync($"/directory/organizations/{other.BusinessNumber}/products/new");
        var outcomes = new List<string>();
        foreach (var (name, send) in Writes(client, $"/directory/products/{ownProduct}/edit", otherProduct, certificate, document, other.BusinessNumber))
        {
            using var response = await send();
            outcomes.Add($"{name}: {PageClient.RedirectPath(response)}");
        }

        Assert.Equal("/account/access-denied", PageClient.RedirectPath(editPage));
        Assert.Equal("/account/access-denied", PageClient.RedirectPath(newPage));
        Assert.All(outcomes, o => Assert.EndsWith(": /account/access-denied", o));
        Assert.Equal(6, outcomes.Count);
        Assert.Equal(before, await SnapshotAsync(factory, other.Id));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task EveryWrite_ByAPendingMemberOrACitizen_IsForbidden(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var organization = await DirectoryData.AddOrganizationAsync(factory);
        var product = await DirectoryData.AddProductAsync(factory, organization.Id, certificates: ("KGMP", Today.AddYears(-1), Today.AddYears(1)));
        var (certificate, document) = await WithCertificateAndDocumentAsync(factory, product);
        var (pending, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id, approved: false);
        var citizen = await factory.SignedInClientAsync((await Members.RegisterAsync(factory)).Email!);
        var before = await SnapshotAsync(factory, organization.Id);

        var outcomes = new List<string>();
        foreach (var client in new[] { pending, citizen })
        {
            using var _ = client;
            foreach (var (name, send) in Writes(client, "/notifications", product, certificate, document, organization.BusinessNumber))
            {
                using var response = await send();
                outcomes.Add($"{name}: {PageClient.RedirectPath(response)}");
            }
        }

        Assert.Equal(12, outcomes.Count);
        Assert.All(outcomes, o => Assert.EndsWith(": /account/access-denied", o));
        Assert.Equal(before, await SnapshotAsync(factory, organization.Id));
    }

    [Fact]
    public async Task EveryWrite_WhenAnonymous_AsksToSignIn()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreatePageClient();

        using var edit = await client.Http.GetAsync("/directory/products/1/edit");
        using var post = await client.Http.PostAsync("/directory/products/1/edit?handler=AddCertificate", new FormUrlEncodedContent([]));
        using var mine = await client.Http.GetAsync("/my/organization");

        Assert.Equal("/account/sign-in", PageClient.RedirectPath(edit));
        Assert.Equal("/account/sign-in", PageClient.RedirectPath(post));
        Assert.Equal("/account/sign-in", PageClient.RedirectPath(mine));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ApprovedMember_CreatesDescribesCertifiesAndDocumentsAProduct_AndSearchFindsIt(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        await DirectoryData.MaterialIdAsync(factory); // the material the form names; run alone, no other test has added it
        var organization = await DirectoryData.AddOrganizationAsync(factory);
        var (client, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        using var _ = client;
        var newUrl = $"/directory/organizations/{organization.BusinessNumber}/products/new";
        var word = "뮤뮤" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture) + "여과";

        using var created = await client.SubmitAsync(newUrl, new Dictionary<string, string>
        {
            ["Input.Code"] = "CL-20", ["Input.MaterialCode"] = DirectoryData.MaterialCode, ["Input.NameKo"] = word + " 20nm",
            ["Input.NameEn"] = "Mumu filter", ["Input.Specifications"] = "pore_size_nm=20\nlrv_mvm=4",
        });
        var editUrl = created.Headers.Location!.OriginalString;
        var id = int.Parse(editUrl.Split('/')[3], CultureInfo.InvariantCulture);
        using var described = await client.SubmitAsync(editUrl, new Dictionary<string, string>
        {
            ["Input.MaterialCode"] = DirectoryData.MaterialCode, ["Input.NameKo"] = word + " 20nm 고유량", ["Input.Specifications"] = "pore_size_nm=20\nflux_lmh=900",
        });
        using var certified = await client.SubmitAsync(editUrl, new Dictionary<string, string>
        {
            ["code"] = "ISO13485", ["issuedOn"] = Today.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["expiresOn"] = Today.AddYears(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, editUrl + "?handler=AddCertificate");
        var pdf = Files.Pdf(5000);
        using var uploaded = await client.SubmitFilesAsync(editUrl, new Dictionary<string, (string, byte[])> { ["file"] = ("CoA 2026.pdf", pdf) },
            new Dictionary<string, string> { ["kind"] = "CertificateOfAnalysis" }, editUrl + "?handler=Upload");
        var (_, page) = await client.GetPageAsync($"/directory/products/{id}");
        var documentId = System.Text.RegularExpressions.Regex.Match(page, "/directory/documents/(\\d+)").Groups[1].Value;
        using var anonymous = factory.CreatePageClient();
        using var download = await anonymous.Http.GetAsync($"/directory/documents/{documentId}");
        using var found = await anonymous.Http.GetAsync("/api/v1/products?cert=ISO13485&q=" + Uri.EscapeDataString(word + " 고유량"));

        Assert.Equal($"/directory/products/{id}/edit", editUrl);
        Assert.All([described, certified, uploaded], r => Assert.Equal(editUrl, PageClient.RedirectPath(r)));
        Assert.Contains(word + " 20nm 고유량", page);
        Assert.Contains("flux lmh", page); // a key the platform has no words for reads as written, underscores as spaces
        Assert.Contains("기공 크기", page);
        Assert.DoesNotContain("lrv_mvm", page);
        Assert.Contains("ISO13485", page);
        Assert.Contains("CoA 2026.pdf", page);
        Assert.Contains("data-testid=\"edit-product\"", page);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Contains($"\"id\":{id},", await found.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Removing_ACertificateAndADocument_TakesThemOffThePublicPage(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var organization = await DirectoryData.AddOrganizationAsync(factory);
        var product = await DirectoryData.AddProductAsync(factory, organization.Id, certificates: ("USP665", Today.AddYears(-1), Today.AddYears(1)));
        var (certificate, document) = await WithCertificateAndDocumentAsync(factory, product);
        var (client, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        using var _ = client;
        var editUrl = $"/directory/products/{product}/edit";
        Guid fileId;
        await using (var before = factory.CreateDbContext())
        {
            fileId = await before.ProductDocuments.Where(d => d.Id == document).Select(d => d.FileId).SingleAsync();
        }

        using var removeCertificate = await client.SubmitAsync(editUrl,
            new Dictionary<string, string> { ["certificateId"] = certificate.ToString(CultureInfo.InvariantCulture) }, editUrl + "?handler=RemoveCertificate");
        using var removeDocument = await client.SubmitAsync(editUrl,
            new Dictionary<string, string> { ["documentId"] = document.ToString(CultureInfo.InvariantCulture) }, editUrl + "?handler=RemoveDocument");
        var (_, page) = await client.GetPageAsync($"/directory/products/{product}");
        using var download = await client.Http.GetAsync($"/directory/documents/{document}");
        await using var db = factory.CreateDbContext();

        Assert.DoesNotContain("USP665", page);
        Assert.DoesNotContain("coa.pdf", page);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.False(await db.ProductDocuments.AnyAsync(d => d.Id == document));
        // The removed document's file goes with it (other tests on the shared host keep files of their own).
        Assert.False(await db.StoredFiles.AnyAsync(f => f.Id == fileId));
    }

    public static TheoryData<string, string, string> BadUploads => new()
    {
        { "disguised", "coa.pdf", "파일 이름의 확장자가 실제 파일 형식과 다릅니다" },
        { "exe", "setup.pdf", "허용된 형식의 파일이 아닙니다" },
        { "docx", "table.docx", "허용된 형식의 파일이 아닙니다" },
        { "empty", "coa.pdf", "빈 파일입니다" },
        { "oversize", "big.pdf", "파일이 너무 큽니다. 20MB 이하로 올려 주세요" },
    };

    [Theory, MemberData(nameof(BadUploads))]
    public async Task Upload_OfABadFile_ShowsWhyOnThePageAndSavesNothing(string what, string fileName, string message)
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var organization = await DirectoryData.AddOrganizationAsync(factory);
        var product = await DirectoryData.AddProductAsync(factory, organization.Id);
        var (client, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        using var _ = client;
        var content = what switch
        {
            "disguised" => Files.Png(), "exe" => Files.Exe(), "docx" => Files.Docx(), "empty" => [],
            _ => Files.Pdf((int)ProductDocument.MaxBytes + 1),
        };
        await using var db = factory.CreateDbContext();
        var files = await db.StoredFiles.CountAsync();
        var editUrl = $"/directory/products/{product}/edit";

        using var response = await client.SubmitFilesAsync(editUrl, new Dictionary<string, (string, byte[])> { ["file"] = (fileName, content) },
            new Dictionary<string, string> { ["kind"] = "Datasheet" }, editUrl + "?handler=Upload");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"form-errors\"", html);
        Assert.Contains(fileName + ": " + message, System.Net.WebUtility.HtmlDecode(html));
        Assert.Equal(files, await db.StoredFiles.CountAsync());
        Assert.False(await db.ProductDocuments.AnyAsync(d => d.ProductId == product));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task BrokenRules_ShowOnTheSamePage_WithWhatWasTyped(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var organization = await DirectoryData.AddOrganizationAsync(factory);
        var product = await DirectoryData.AddProductAsync(factory, organization.Id);
        var (client, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        using var _ = client;
        var editUrl = $"/directory/products/{product}/edit";
        var before = await SnapshotAsync(factory, organization.Id);

        using var badSpecs = await client.SubmitAsync(editUrl, new Dictionary<string, string>
        {
            ["Input.MaterialCode"] = DirectoryData.MaterialCode, ["Input.NameKo"] = "새 이름", ["Input.Specifications"] = "pore size 20nm",
        });
        using var backwards = await client.SubmitAsync(editUrl, new Dictionary<string, string>
        {
            ["code"] = "KGMP", ["issuedOn"] = "2026-05-01", ["expiresOn"] = "2026-04-30",
        }, editUrl + "?handler=AddCertificate");
        using var taken = await client.SubmitAsync($"/directory/organizations/{organization.BusinessNumber}/products/new", new Dictionary<string, string>
        {
            ["Input.Code"] = (await factory.CreateDbContext().Products.SingleAsync(p => p.Id == product)).Code,
            ["Input.MaterialCode"] = DirectoryData.MaterialCode, ["Input.NameKo"] = "중복",
        });
        var specsHtml = System.Net.WebUtility.HtmlDecode(await badSpecs.Content.ReadAsStringAsync());

        Assert.Contains("항목=값 형식", specsHtml);
        Assert.Contains("pore size 20nm", specsHtml);
        Assert.Contains("value=\"새 이름\"", specsHtml);
        Assert.Contains("만료일이 발급일보다 앞섭니다", System.Net.WebUtility.HtmlDecode(await backwards.Content.ReadAsStringAsync()));
        Assert.Contains("같은 제품 코드가 이미 있습니다", System.Net.WebUtility.HtmlDecode(await taken.Content.ReadAsStringAsync()));
        Assert.Equal(before, await SnapshotAsync(factory, organization.Id));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ProgramStaff_MayEditAnySuppliersProduct(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var organization = await DirectoryData.AddOrganizationAsync(factory);
        var product = await DirectoryData.AddProductAsync(factory, organization.Id);
        using var admin = await factory.AdminClientAsync();

        using var saved = await admin.SubmitAsync($"/directory/products/{product}/edit", new Dictionary<string, string>
        {
            ["Input.MaterialCode"] = DirectoryData.MaterialCode, ["Input.NameKo"] = "담당자가 고친 이름",
        });
        await using var db = factory.CreateDbContext();

        Assert.Equal($"/directory/products/{product}/edit", PageClient.RedirectPath(saved));
        Assert.Equal("담당자가 고친 이름", (await db.Products.SingleAsync(p => p.Id == product)).NameKo);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "product.changed" && e.Subject.StartsWith("product:" + organization.BusinessNumber)));
    }
}
