using System.Net;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Directory;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Directory;

[Collection("web")]
public sealed class MembershipTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Member_RequestsTheOrganization_StaffApprove_MemberIsToldAndMayEdit(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var organization = await DirectoryData.AddOrganizationAsync(factory);
        var product = await DirectoryData.AddProductAsync(factory, organization.Id);
        var member = await Members.RegisterAsync(factory, kind: MemberKind.CompanyMember, businessNumber: organization.BusinessNumber);
        using var client = await factory.SignedInClientAsync(member.Email!);
        using var admin = await factory.AdminClientAsync();

        var (_, form) = await client.GetPageAsync("/my/organization");
        using var requested = await client.SubmitAsync("/my/organization", [new("BusinessNumber", BusinessNumber.Format(organization.BusinessNumber))]);
        using var before = await client.Http.GetAsync($"/directory/products/{product}/edit");
        var (_, staffList) = await admin.GetPageAsync("/admin/memberships");
        await using var db = factory.CreateDbContext();
        var membership = await db.Memberships.SingleAsync(m => m.UserId == member.Id);
        var staffInbox = await db.Notifications.CountAsync(n => n.MessageKey == "Notification.MembershipRequested" && n.Link == "/admin/memberships");
        using var approved = await admin.SubmitAsync("/admin/memberships",
            [new("membershipId", membership.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("decision", "Approve")]);
        var (_, mine) = await client.GetPageAsync("/my/organization");
        var (afterStatus, _) = await client.GetPageAsync($"/directory/products/{product}/edit");
        var (_, inbox) = await client.GetPageAsync("/notifications");

        Assert.Contains($"value=\"{BusinessNumber.Format(organization.BusinessNumber)}\"", form);
        Assert.Equal("/my/organization", PageClient.RedirectPath(requested));
        Assert.Equal("/account/access-denied", PageClient.RedirectPath(before));
        Assert.Contains(member.Email!, staffList);
        Assert.True(staffInbox >= 1);
        Assert.Equal("/admin/memberships", PageClient.RedirectPath(approved));
        Assert.Contains("data-testid=\"owned-organization\"", mine);
        Assert.Equal(HttpStatusCode.OK, afterStatus);
        Assert.Contains("소속이 승인되었습니다", inbox);
        Assert.Contains("data-testid=\"unread-count\"", inbox);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "membership.decided" && e.Detail.StartsWith($"user:{member.Id} Approved")));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "personal-data.viewed" && e.Subject == "memberships"));
    }

    [Theory]
    [InlineData("123-45-67890", "사업자등록번호가 올바르지 않습니다")]
    [InlineData("", "사업자등록번호가 올바르지 않습니다")]
    [InlineData("220-81-62517", "디렉터리에 없습니다")]
    public async Task Request_ForABadOrUnknownNumber_ExplainsOnTheField(string number, string message)
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var member = await Members.RegisterAsync(factory, kind: MemberKind.CompanyMember);
        using var client = await factory.SignedInClientAsync(member.Email!);

        using var response = await client.SubmitAsync("/my/organization", [new("BusinessNumber", number)]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(HttpStatusCode.OK == response.StatusCode, string.Join("\n", factory.Logs.Messages.TakeLast(3)));
        Assert.Contains(message, html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.False(await factory.CreateDbContext().Memberships.AnyAsync(m => m.UserId == member.Id));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Reject_WithoutAReason_IsRefused_AndRevokeEndsTheRightToEdit(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var organization = await DirectoryData.AddOrganizationAsync(factory);
        var product = await DirectoryData.AddProductAsync(factory, organization.Id);
        var (client, member) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        using var _ = client;
        using var admin = await factory.AdminClientAsync();
        var id = (await factory.CreateDbContext().Memberships.SingleAsync(m => m.UserId == member.Id)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var noReason = await admin.SubmitAsync("/admin/memberships?status=Approved", [new("membershipId", id), new("decision", "Revoke"), new("status", "Approved")]);
        var (stillAllowed, _) = await client.GetPageAsync($"/directory/products/{product}/edit");
        using var revoked = await admin.SubmitAsync("/admin/memberships?status=Approved",
            [new("membershipId", id), new("decision", "Revoke"), new("reason", "퇴사"), new("status", "Approved")]);
        using var afterRevoke = await client.Http.GetAsync($"/directory/products/{product}/edit");

        Assert.Contains("사유를 적어 주세요", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, stillAllowed);
        Assert.Equal("/admin/memberships", PageClient.RedirectPath(revoked));
        Assert.Equal("/account/access-denied", PageClient.RedirectPath(afterRevoke));
    }

    [Fact]
    public async Task MembershipsPage_ForACompanyMember_IsForbidden_AndMyOrganization_ForACitizen_IsForbidden()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var organization = await DirectoryData.AddOrganizationAsync(factory);
        var (member, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        using var _ = member;
        var citizen = await Members.RegisterAsync(factory);
        using var citizenClient = await factory.SignedInClientAsync(citizen.Email!);

        using var staffPage = await member.Http.GetAsync("/admin/memberships");
        using var mine = await citizenClient.Http.GetAsync("/my/organization");

        Assert.Equal("/account/access-denied", PageClient.RedirectPath(staffPage));
        Assert.Equal("/account/access-denied", PageClient.RedirectPath(mine));
    }
}
