using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Directory;

public sealed class ImportPageTests
{
    [Fact]
    public async Task Staff_UploadWithBadRows_SeesEveryRowAndNothingChanges()
    {
        await using var factory = await MiraeFactory.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await factory.AdminClientAsync();
        var before = await factory.CreateDbContext().Organizations.CountAsync();
        var organizations = "business_number,kind,name_ko\n124-81-00998,supplier,좋은회사\n124-81-00999,supplier,나쁜번호\n220-81-62517,vendor,나쁜유형\n";

        using var response = await admin.SubmitFilesAsync("/admin/directory/import",
            new Dictionary<string, (string, byte[])> { ["file-organizations"] = ("organizations.csv", Encoding.UTF8.GetBytes(organizations)) });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("organizations.csv:3: 사업자등록번호가 올바르지 않습니다", html);
        Assert.Contains("organizations.csv:4: kind는", html);
        Assert.Equal(before, await factory.CreateDbContext().Organizations.CountAsync());

        // The page points at the format and gives example files to start from (issue 17, promised but missing).
        var (_, page) = await admin.GetPageAsync("/admin/directory/import");
        using var sample = await admin.Http.GetAsync("/admin/directory/import?handler=Sample&file=products.csv");
        var sampleLines = (await sample.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var unknown = await admin.Http.GetAsync("/admin/directory/import?handler=Sample&file=..%2Fappsettings.json");
        Assert.Contains("docs/import-format.md", page);
        Assert.StartsWith("business_number,product_code,material_code", sampleLines[0]);
        Assert.Equal(11, sampleLines.Length);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Staff_UploadOfValidFiles_ReportsInsertedAndUpdatedRows()
    {
        await using var factory = await MiraeFactory.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await factory.AdminClientAsync();
        await DirectoryData.AddOrganizationAsync(factory, "(주)청라플라스틱", businessNumber: "909-86-03085");
        var organizations = "business_number,kind,name_ko\n124-81-00998,supplier,새로운 공급기업\n909-86-03085,supplier,(주)청라플라스틱솔루션\n";

        using var response = await admin.SubmitFilesAsync("/admin/directory/import",
            new Dictionary<string, (string, byte[])> { ["file-organizations"] = ("organizations.csv", Encoding.UTF8.GetBytes(organizations)) });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("가져오기를 마쳤습니다.", html);
        Assert.Contains("<th scope=\"row\">organizations.csv</th><td>1</td><td>1</td><td>0</td>", html);
        Assert.True(await factory.CreateDbContext().Organizations.AnyAsync(o => o.BusinessNumber == "1248100998"));
    }

    [Fact]
    public async Task Upload_OfABinaryFile_IsRefusedByContent()
    {
        await using var factory = await MiraeFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Seed:Demo"] = "false" });
        using var admin = await factory.AdminClientAsync();

        using var response = await admin.SubmitFilesAsync("/admin/directory/import",
            new Dictionary<string, (string, byte[])> { ["file-materials"] = ("materials.csv", [0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]) });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("materials.csv 파일이 텍스트(CSV)가 아닙니다.", html);
        Assert.Equal(0, await factory.CreateDbContext().Materials.CountAsync());
    }

    [Fact]
    public async Task ImportPage_ForACompanyMember_IsForbidden()
    {
        await using var factory = await MiraeFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Seed:Demo"] = "false" });
        var member = await Members.RegisterAsync(factory, kind: Mirae.Web.Features.Accounts.MemberKind.CompanyMember);
        using var client = await factory.SignedInClientAsync(member.Email!);

        using var response = await client.Http.GetAsync("/admin/directory/import");

        Assert.Equal("/account/access-denied", PageClient.RedirectPath(response));
    }
}
