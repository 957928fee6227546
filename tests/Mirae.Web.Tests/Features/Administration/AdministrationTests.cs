using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Administration;

[Collection("web")]
public sealed partial class AdministrationTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static async Task<PageClient> SignInAsAdministratorAsync(MiraeFactory factory)
    {
        var client = factory.CreatePageClient();
        using var response = await client.SignInAsync(MiraeFactory.AdminEmail, MiraeFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Administrator_SearchesTheAuditLog_AndExportsIt_WhileProgramStaffCannot(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var member = await Members.RegisterAsync(factory);
        using var admin = await SignInAsAdministratorAsync(factory);
        var reason = "감사기록 검색 " + Guid.NewGuid().ToString("N")[..8];
        using var saved = await admin.SubmitAsync($"/admin/users/{member.Id}", [new("roles", "Citizen"), new("roles", "ProgramManager"), new("reason", reason)]);
        var today = DateTime.UtcNow.AddHours(9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var search = $"/admin/audit?action=roles.changed&subject={member.Id}&from={today}&to={today}";

        var (status, page) = await admin.GetPageAsync(search);
        using var csv = await admin.Http.GetAsync(search + "&handler=Csv");
        var csvText = await csv.Content.ReadAsStringAsync();
        var (_, badDate) = await admin.GetPageAsync("/admin/audit?from=2026-13-45");
        var (_, otherDay) = await admin.GetPageAsync($"/admin/audit?action=roles.changed&subject={member.Id}&to=2020-01-01");
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        using var refused = await staff.Http.GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(reason, page);
        Assert.Contains("1건", page);
        Assert.Contains(MiraeFactory.AdminEmail, page);
        Assert.Equal("text/csv; charset=utf-8", csv.Content.Headers.ContentType?.ToString());
        Assert.StartsWith("일시(KST),처리자,처리,대상,내용,접속 주소", csvText.TrimStart('\uFEFF'));
        Assert.Contains(reason, csvText);
        Assert.Contains("날짜를 2026-12-01 형식으로 입력해 주세요", badDate);
        Assert.Contains("조건에 맞는 기록이 없습니다", otherDay);
        Assert.Equal("/account/access-denied", PageClient.RedirectPath(refused));
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.PersonalDataViewed && e.Subject == "audit-log"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Administrator_AssignsARoleWithAReason_AndTheChangeIsAudited(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var member = await Members.RegisterAsync(factory);
        using var admin = await SignInAsAdministratorAsync(factory);

        using var saved = await admin.SubmitAsync($"/admin/users/{member.Id}",
            [new("roles", "Citizen"), new("roles", "ProgramManager"), new("reason", "2026 바이오 공모 담당 지정")]);

        using var memberClient = await factory.SignedInClientAsync(member.Email!);
        var me = await memberClient.Http.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["Citizen", "ProgramManager"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        await using var db = factory.CreateDbContext();
        var audit = await db.AuditEvents.Where(e => e.Action == AuditActions.RolesChanged && e.Subject.Contains(member.Id.ToString())).SingleAsync();
        Assert.Equal(MiraeFactory.AdminEmail, audit.Actor);
        Assert.Contains("before=[Citizen] after=[Citizen,ProgramManager] reason=2026 바이오 공모 담당 지정", audit.Detail);
    }

    [Fact]
    public async Task AssignRoles_WithoutAReason_ChangesNothing()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var member = await Members.RegisterAsync(factory);
        using var admin = await SignInAsAdministratorAsync(factory);

        using var response = await admin.SubmitAsync($"/admin/users/{member.Id}", [new("roles", "Administrator"), new("reason", " ")]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("권한 변경 사유를 입력해 주세요.", html);
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.UserRoles.CountAsync(ur => ur.UserId == member.Id));
    }

    [Fact]
    public async Task AssignRoles_RemovingTheLastAdministrator_IsRefused()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var admin = await SignInAsAdministratorAsync(factory);
        await using var db = factory.CreateDbContext();
        var adminId = (await db.Users.SingleAsync(u => u.Email == MiraeFactory.AdminEmail)).Id;

        using var response = await admin.SubmitAsync($"/admin/users/{adminId}", [new("roles", "Citizen"), new("reason", "실수")]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("마지막 관리자의 관리자 역할은 해제할 수 없습니다.", html);
        Assert.True(await db.UserRoles.AnyAsync(ur => ur.UserId == adminId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == "Administrator")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task MemberList_IsSearchable_AndEveryViewIsLoggedAsPersonalDataAccess(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var company = await Members.RegisterAsync(factory, kind: Mirae.Web.Features.Accounts.MemberKind.CompanyMember, companyName: "검색용바이오(주)");
        using var admin = await SignInAsAdministratorAsync(factory);

        var (status, html) = await admin.GetPageAsync("/admin/users?q=검색용바이오");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(company.Email!, html);
        Assert.Contains("전체 1명", html);
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.PersonalDataViewed && e.Detail.Contains("q=검색용바이오")));
    }

    [Fact]
    public async Task AdminPages_ForAMemberWithoutTheRole_AreForbidden()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var member = await Members.RegisterAsync(factory);
        using var client = await factory.SignedInClientAsync(member.Email!);

        using var response = await client.Http.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", PageClient.RedirectPath(response));
    }

    [Fact]
    public async Task FirstStart_WithoutAConfiguredPassword_PrintsAOneTimePasswordThatMustBeChanged()
    {
        await using var factory = await MiraeFactory.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Admin:Password"] = "" });
        var logged = factory.Logs.Messages.Single(m => m.Contains("one-time password", StringComparison.Ordinal));
        var password = OneTimePassword().Match(logged).Groups[1].Value;
        using var client = factory.CreatePageClient();

        using var signedIn = await client.SignInAsync(MiraeFactory.AdminEmail, password);
        using var elsewhere = await client.Http.GetAsync("/admin/users");
        var changeUrl = elsewhere.Headers.Location!.OriginalString;
        using var changed = await client.SubmitAsync(changeUrl, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = password, ["Input.NewPassword"] = "new-admin-pass-9!", ["Input.ConfirmPassword"] = "new-admin-pass-9!",
            ["returnUrl"] = "/admin/users",
        });
        using var afterwards = await client.Http.GetAsync("/admin/users");

        Assert.Equal(20, password.Length);
        Assert.Equal("/account/change-password", PageClient.RedirectPath(signedIn));
        Assert.Equal("/account/change-password", PageClient.RedirectPath(elsewhere));
        Assert.Contains("returnUrl=%2Fadmin%2Fusers", changeUrl, StringComparison.Ordinal);
        Assert.Equal("/admin/users", PageClient.RedirectPath(changed)); // lands where they were going (issue 17.6)
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        Assert.False((await factory.CreateDbContext().Users.SingleAsync(u => u.Email == MiraeFactory.AdminEmail)).MustChangePassword);
    }

    [GeneratedRegex("one-time password (\\S+) ")]
    private static partial Regex OneTimePassword();
}
