using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Features.Directory;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Foundation;

/// <summary>
/// "Only once", "at most N" and "no overlap" rules under 20 parallel requests: the rule holds, the losers are told (409 or
/// a message), none sees a 500 (issue 16).
/// </summary>
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

    [Theory, MemberData(nameof(Providers))]
    public async Task UploadingIntoAOneFileSlot_TwentyTimesAtOnce_KeepsOneFile(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var (callId, organization, member) = await ProgramData.ApplicantAsync(factory);
        using var _ = member;
        var id = await ProgramData.StartApplicationAsync(member, callId, organization.Id);
        var url = $"/applications/{id}";
        var slot = Mirae.Web.Features.Applications.Application.DocumentKey(0);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var response = await member.SubmitFilesAsync(url, new Dictionary<string, (string, byte[])> { ["file"] = ($"계획{i}.pdf", Files.Pdf()) },
                new Dictionary<string, string> { ["fieldKey"] = slot }, url + "?handler=Upload");
            return response.StatusCode;
        }));
        await using var db = factory.CreateDbContext();
        var application = await db.Applications.AsNoTracking().Include(a => a.Attachments).SingleAsync(a => a.Id == id);

        Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
        Assert.Single(application.Attachments, a => a.FieldKey == slot);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AddingDocumentsToAProduct_TwentyFiveAtOnce_StopsAtTheLimit(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var organization = await DirectoryData.AddOrganizationAsync(factory);
        var product = await DirectoryData.AddProductAsync(factory, organization.Id);
        var (client, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        using var _ = client;
        var url = $"/directory/products/{product}/edit";

        var statuses = await Task.WhenAll(Enumerable.Range(0, Product.MaxDocuments + 5).Select(async i =>
        {
            using var response = await client.SubmitFilesAsync(url, new Dictionary<string, (string, byte[])> { ["file"] = ($"coa{i}.pdf", Files.Pdf()) },
                new Dictionary<string, string> { ["kind"] = nameof(DocumentKind.CertificateOfAnalysis) }, url + "?handler=Upload");
            return response.StatusCode;
        }));
        await using var db = factory.CreateDbContext();

        Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
        Assert.Equal(Product.MaxDocuments, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(Product.MaxDocuments, await db.ProductDocuments.CountAsync(d => d.ProductId == product));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task BookingOverlappingSlotsInTwoSessions_TenAndTenAtOnce_BooksOne(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var supplier = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤동시예약(주)");
        var (client, _) = await DirectoryData.SignedInMemberOfAsync(factory, supplier.Id);
        using var _ = client;
        var material = await DirectoryData.MaterialIdAsync(factory);
        var start = DateTimeOffset.UtcNow.AddDays(50 + Random.Shared.Next(1000));
        int first, second;
        string firstUrl, secondUrl;
        using (var scope = factory.Services.CreateScope())
        {
            var schedule = scope.ServiceProvider.GetRequiredService<Mirae.Web.Features.Sourcing.ScheduleSession>();
            var a = await schedule.HandleAsync(material, "뮤뮤 동시 A", "A", null, start, 60, 1, CancellationToken.None);
            var b = await schedule.HandleAsync(material, "뮤뮤 동시 B", "B", null, start.AddMinutes(30), 60, 1, CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            first = await db.ConsultationSessions.Where(s => s.Id == a).SelectMany(s => s.Slots).Select(s => s.Id).SingleAsync();
            second = await db.ConsultationSessions.Where(s => s.Id == b).SelectMany(s => s.Slots).Select(s => s.Id).SingleAsync();
            (firstUrl, secondUrl) = ($"/consultations/{a}", $"/consultations/{b}");
        }

        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var (url, slot) = i % 2 == 0 ? (firstUrl, first) : (secondUrl, second);
            using var response = await client.SubmitAsync(url, new Dictionary<string, string> { ["slotId"] = $"{slot}", ["organizationId"] = $"{supplier.Id}" },
                url + "?handler=Book");
            return response.StatusCode;
        }));
        await using var check = factory.CreateDbContext();

        Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
        Assert.Equal(1, await check.Set<Mirae.Web.Features.Sourcing.ConsultationSlot>().CountAsync(s => s.SupplierId == supplier.Id));
    }
}
