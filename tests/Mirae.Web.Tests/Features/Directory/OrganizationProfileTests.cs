using System.Net;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Directory;

/// <summary>The organization's profile editor (issue 17, promised but missing): approved members and staff, audited.</summary>
[Collection("web")]
public sealed class OrganizationProfileTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static Dictionary<string, string> Form(string nameKo, string website = "https://mumu.example.kr", string kind = "Buyer") => new()
    {
        ["Input.NameKo"] = nameKo, ["Input.NameEn"] = "Mumu Profile Co., Ltd.", ["Input.RegionKo"] = "인천광역시 연수구", ["Input.RegionEn"] = "Yeonsu-gu, Incheon",
        ["Input.Employees"] = "42", ["Input.FoundedYear"] = "2012", ["Input.Website"] = website, ["Input.Kind"] = kind,
    };

    [Theory, MemberData(nameof(Providers))]
    public async Task ApprovedMember_EditsTheProfile_TheChangeIsAuditedAndSearchable_OthersCannot(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        await DirectoryData.MaterialIdAsync(factory);
        var organization = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤옛이름(주)");
        await DirectoryData.AddProductAsync(factory, organization.Id);
        var (member, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        using var _ = member;
        var (pending, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id, approved: false);
        using var __ = pending;
        var number = BusinessNumber.Format(organization.BusinessNumber);
        var url = $"/directory/organizations/{number}/edit";
        var newName = "뮤뮤새이름" + Random.Shared.Next(1000, 9999) + "(주)";

        var (_, form) = await member.GetPageAsync(url);
        using var badWebsite = await member.SubmitAsync(url, Form(newName, website: "javascript:alert(1)"));
        using var saved = await member.SubmitAsync(url, Form(newName)); // a member's posted kind is ignored
        var (_, publicPage) = await member.GetPageAsync($"/directory/organizations/{number}");
        using var refused = await pending.Http.GetAsync(url);
        var found = await SearchAsync(factory, newName[..^3]);

        Assert.Contains("뮤뮤옛이름(주)", form);
        Assert.DoesNotContain("name=\"Input.Kind\"", form); // only staff change the kind
        Assert.Contains("http:// 또는 https://로 시작하는 주소", await badWebsite.Content.ReadAsStringAsync());
        Assert.Equal($"/directory/organizations/{number}", PageClient.RedirectPath(saved));
        Assert.Contains(newName, publicPage);
        Assert.Contains("기업 정보를 저장했습니다", publicPage);
        Assert.Equal("/account/access-denied", PageClient.RedirectPath(refused));
        Assert.True(found > 0);
        await using var db = factory.CreateDbContext();
        var after = await db.Organizations.SingleAsync(o => o.Id == organization.Id);
        Assert.Equal((newName, OrganizationKind.Supplier, 42, "https://mumu.example.kr"), (after.NameKo, after.Kind, after.Employees, after.Website));
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.OrganizationChanged && e.Subject == $"organization:{organization.BusinessNumber}");
        Assert.Contains($"name_ko: 뮤뮤옛이름(주) → {newName}", audit.Detail);
        Assert.DoesNotContain("kind:", audit.Detail);
    }

    [Fact]
    public async Task ProgramStaff_EditAnyProfile_IncludingItsKind()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var organization = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤유형변경(주)");
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        var url = $"/directory/organizations/{BusinessNumber.Format(organization.BusinessNumber)}/edit";

        var (_, form) = await staff.GetPageAsync(url);
        using var saved = await staff.SubmitAsync(url, Form("뮤뮤유형변경(주)", kind: "Buyer"));

        Assert.Contains("name=\"Input.Kind\"", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.Equal(OrganizationKind.Buyer, (await db.Organizations.SingleAsync(o => o.Id == organization.Id)).Kind);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.OrganizationChanged && e.Detail.Contains("kind: Supplier → Buyer")));
    }

    private static async Task<int> SearchAsync(MiraeFactory factory, string query)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(factory.Services);
        var search = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SearchProducts>(scope.ServiceProvider);
        return (await search.HandleAsync(new SearchProducts.Query(query, WithFacets: false))).Page.Total;
    }
}
