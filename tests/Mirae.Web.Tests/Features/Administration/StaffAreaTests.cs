using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Administration;

/// <summary>
/// The staff area (issue 18): one "업무 관리" entry in the main menu, a home listing every group, and on each staff page
/// the grouped side navigation with the current page marked; members and visitors see none of it.
/// </summary>
[Collection("web")]
public sealed partial class StaffAreaTests(Hosts hosts)
{
    [Fact]
    public async Task ProgramStaff_SeeOneStaffEntry_TheGroupedSideNavigation_AndABreadcrumb()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        using var citizen = await factory.SignedInClientAsync((await Members.RegisterAsync(factory)).Email!);

        var (homeStatus, home) = await staff.GetPageAsync("/admin");
        var (_, calls) = await staff.GetPageAsync("/admin/calls");
        using var refused = await citizen.Http.GetAsync("/admin");
        var (_, citizenHome) = await citizen.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, homeStatus);
        var mainMenu = MainMenu().Match(calls).Value;
        Assert.Contains("href=\"/admin\"", mainMenu);
        Assert.DoesNotContain("href=\"/admin/calls\"", mainMenu);
        foreach (var group in new[] { "지원사업", "평가", "소재 국산화", "기업·제품", "회원", "콘텐츠·기록" })
        {
            Assert.Contains($"<h2>{group}</h2>", home);
        }
        Assert.DoesNotContain("href=\"/admin/audit\"", home); // the audit log is for administrators only
        var side = SideNavigation().Match(calls).Value;
        Assert.Contains("<a href=\"/admin/calls\" aria-current=\"page\">", side);
        Assert.Contains("<h3>평가</h3>", side);
        Assert.Matches("<ol class=\"breadcrumb\">\\s*<li class=\"home\"><a href=\"/\" class=\"txt\">홈</a></li>\\s*<li><a href=\"/admin\" class=\"txt\">업무 관리</a></li>", calls);
        Assert.Equal("/account/access-denied", PageClient.RedirectPath(refused));
        Assert.DoesNotContain("href=\"/admin\"", citizenHome);
        Assert.DoesNotContain("staff-nav", citizenHome);
    }

    [Fact]
    public void TheNavigation_KeepsStaffEntriesOutOfTheMainMenu_AndFindsTheSectionOfAPath()
    {
        var navigation = new SiteNavigation([
            new NavEntry("Nav.Home", "/", 100, NavAudience.Everyone),
            new NavEntry("Nav.Calls", "/calls", 120, NavAudience.Everyone),
            new NavEntry("Nav.StaffHome", "/admin", 300, NavAudience.ProgramStaff),
            new NavEntry("Nav.AdminNotices", "/admin/notices", 420, NavAudience.ProgramStaff, StaffArea.Content),
            new NavEntry("Nav.AdminCalls", "/admin/calls", 320, NavAudience.ProgramStaff, StaffArea.Programs),
            new NavEntry("Nav.AuditLog", "/admin/audit", 510, NavAudience.Administrators, StaffArea.Content),
        ]);
        var manager = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.ProgramManager)], "test"));
        var visitor = new ClaimsPrincipal(new ClaimsIdentity());

        Assert.Equal(["/", "/calls", "/admin"], navigation.For(manager).Select(e => e.Href));
        Assert.Equal(["/", "/calls"], navigation.For(visitor).Select(e => e.Href));
        var areas = navigation.StaffAreas(manager);
        Assert.Equal([StaffArea.Programs, StaffArea.Content], areas.Select(a => a.Key));
        Assert.Equal(["/admin/notices"], areas[1].Select(e => e.Href)); // the audit log is the administrators'
        Assert.Empty(navigation.StaffAreas(visitor));
        Assert.Equal("/calls", SiteNavigation.SectionOf(navigation.For(visitor), "/calls/3/results")?.Href);
        Assert.Equal("/", SiteNavigation.SectionOf(navigation.For(visitor), "/")?.Href);
        Assert.Null(SiteNavigation.SectionOf(navigation.For(visitor), "/callsx"));
        Assert.Equal("/admin", SiteNavigation.SectionOf(navigation.For(manager), "/admin/calls/7")?.Href);
        Assert.True(SiteNavigation.InStaffArea("/admin/calls"));
        Assert.False(SiteNavigation.InStaffArea("/administrator"));
    }

    [GeneratedRegex("<nav class=\"mirae-nav\".*?</nav>", RegexOptions.Singleline)]
    private static partial Regex MainMenu();

    [GeneratedRegex("<nav class=\"staff-nav\".*?</nav>", RegexOptions.Singleline)]
    private static partial Regex SideNavigation();
}
