using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Directory;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Foundation;

/// <summary>"Only once" rules under 20 parallel requests: one wins, the others are told (409 or a message), none sees a 500 (issue 16).</summary>
[Collection("web")]
public sealed class RaceTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task StartingTheSameApplication_TwentyTimesAtOnce_MakesOne(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var (callId, organization, member) = await ProgramData.ApplicantAsync(factory);
        using var _ = member;

        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await member.Http.PostAsJsonAsync($"/api/v1/calls/{callId}/applications", new { organizationId = organization.Id });
            return response.StatusCode;
        }));
        await using var db = factory.CreateDbContext();

        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(1, await db.Applications.CountAsync(a => a.CallId == callId && a.OrganizationId == organization.Id));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task RequestingTheSameMembership_TwentyTimesAtOnce_MakesOne_AndEveryPageAnswers(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var organization = await DirectoryData.AddOrganizationAsync(factory);
        var member = await Members.RegisterAsync(factory, kind: Mirae.Web.Features.Accounts.MemberKind.CompanyMember);
        using var client = await factory.SignedInClientAsync(member.Email!);
        var number = Mirae.Web.Features.Accounts.BusinessNumber.Format(organization.BusinessNumber);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await client.SubmitAsync("/my/organization", new Dictionary<string, string> { ["BusinessNumber"] = number });
            return response.StatusCode;
        }));
        await using var db = factory.CreateDbContext();

        Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
        Assert.Contains(HttpStatusCode.Redirect, statuses);
        Assert.Equal(1, await db.Memberships.CountAsync(m => m.UserId == member.Id && m.OrganizationId == organization.Id));
    }
}
