using System.Net;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Directory;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Directory;

/// <summary>An approved member invites a colleague (issue 17, promised but missing); staff still see and revoke every link.</summary>
[Collection("web")]
public sealed class ColleagueInvitationTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static string Token(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "/my/organization/invitations/([0-9a-f]{48})").Groups[1].Value;

    [Theory, MemberData(nameof(Providers))]
    public async Task ApprovedMember_InvitesAColleague_WhoAcceptsWithTheInvitedAddress_AndStaffCanRevokeIt(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var organization = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤동료(주)");
        var (inviter, inviterUser) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        using var _ = inviter;
        var colleagueEmail = Members.UniqueEmail("colleague");
        var colleague = await Members.RegisterAsync(factory, colleagueEmail, MemberKind.CompanyMember);
        var other = await Members.RegisterAsync(factory, kind: MemberKind.CompanyMember);

        using var invited = await inviter.SubmitAsync("/my/organization", [new("organizationId", $"{organization.Id}"), new("email", colleagueEmail)],
            "/my/organization?handler=Invite");
        var (_, afterInvite) = await inviter.GetPageAsync("/my/organization");
        var token = Token(afterInvite);
        using var otherClient = await factory.SignedInClientAsync(other.Email!);
        using var wrongAccount = await otherClient.SubmitAsync($"/my/organization/invitations/{token}", []);
        using var colleagueClient = await factory.SignedInClientAsync(colleague.Email!);
        var (_, acceptPage) = await colleagueClient.GetPageAsync($"/my/organization/invitations/{token}");
        using var accepted = await colleagueClient.SubmitAsync($"/my/organization/invitations/{token}", []);
        using var again = await colleagueClient.SubmitAsync($"/my/organization/invitations/{token}", []);
        var (canEdit, _) = await colleagueClient.GetPageAsync($"/directory/organizations/{BusinessNumber.Format(organization.BusinessNumber)}/products/new");
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        var (_, staffList) = await staff.GetPageAsync("/admin/memberships?status=Approved");

        Assert.Equal("/my/organization", PageClient.RedirectPath(invited));
        Assert.Equal(48, token.Length);
        Assert.Contains("다른 이메일 주소로 보낸 것입니다", await wrongAccount.Content.ReadAsStringAsync());
        Assert.Contains("뮤뮤동료(주)의 동료로 초대받았습니다", acceptPage);
        Assert.Equal("/my/organization", PageClient.RedirectPath(accepted));
        Assert.Contains("이 초대 링크는 유효하지 않습니다", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, canEdit);
        Assert.Contains(colleagueEmail, staffList);
        await using var db = factory.CreateDbContext();
        var membership = await db.Memberships.SingleAsync(m => m.UserId == colleague.Id && m.OrganizationId == organization.Id);
        Assert.Equal((MembershipStatus.Approved, inviterUser.Id), (membership.Status, membership.DecidedById));
        Assert.False(await db.Memberships.AnyAsync(m => m.UserId == other.Id));

        // Staff revoke the link as any other; a new invitation cannot bring it back.
        using var revoked = await staff.SubmitAsync("/admin/memberships?status=Approved",
            [new("membershipId", $"{membership.Id}"), new("decision", "Revoke"), new("reason", "퇴사"), new("status", "Approved")]);
        using var second = await inviter.SubmitAsync("/my/organization", [new("organizationId", $"{organization.Id}"), new("email", colleagueEmail)],
            "/my/organization?handler=Invite");
        var (_, secondPage) = await inviter.GetPageAsync("/my/organization");
        using var restore = await colleagueClient.SubmitAsync($"/my/organization/invitations/{Token(secondPage)}", []);
        var (afterRevoke, _) = await colleagueClient.GetPageAsync($"/directory/organizations/{BusinessNumber.Format(organization.BusinessNumber)}/products/new");
        Assert.Contains("사업 담당자가 해제한 소속은 초대로 되살릴 수 없습니다", await restore.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.OK, afterRevoke);
    }

    [Fact]
    public async Task OnlyApprovedMembersInvite_AndTwentyFiveAtOnceOpenNoMoreThanTwenty()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var organization = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤동시초대(주)");
        var (pending, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id, approved: false);
        using var __ = pending;
        var (member, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        using var _ = member;

        using var refused = await pending.SubmitAsync("/my/organization", [new("organizationId", $"{organization.Id}"), new("email", Members.UniqueEmail("x"))],
            "/my/organization?handler=Invite");
        var responses = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => member.SubmitAsync("/my/organization",
            [new("organizationId", $"{organization.Id}"), new("email", Members.UniqueEmail("many"))], "/my/organization?handler=Invite")));

        Assert.Contains("이 기업의 승인된 회원만 동료를 초대할 수 있습니다", await refused.Content.ReadAsStringAsync());
        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        Assert.Equal(20, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        await using var db = factory.CreateDbContext();
        Assert.Equal(20, await db.ColleagueInvitations.CountAsync(i => i.OrganizationId == organization.Id));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
