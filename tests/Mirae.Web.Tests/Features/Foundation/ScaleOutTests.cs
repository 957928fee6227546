using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Administration;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Foundation;

/// <summary>
/// The scale-out the design promises (issue 16, ADR 017): two instances of the app on one PostgreSQL behind a real reverse
/// proxy (YARP). Sessions, antiforgery tokens and files cross instances; each scheduled job runs once across both; a
/// notification is e-mailed once; a role revoked through one instance ends the session on the other.
/// </summary>
[Collection("web")]
public sealed class ScaleOutTests
{
    private static async Task<(MiraeFactory Factory, Uri Address)> InstanceAsync(TestDatabase database, int smtpPort, bool ownsDatabase)
    {
        var factory = new MiraeFactory(database, new Dictionary<string, string?>
        {
            ["Scheduler:Enabled"] = "true",
            ["Scheduler:PollInterval"] = "00:00:00.300",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Site:KnownProxies:0"] = "127.0.0.1",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information", // which instance served what
        }, ownsDatabase);
        return (factory, factory.StartKestrel());
    }

    [Fact]
    public async Task TwoInstancesOnOnePostgres_BehindAProxy_BehaveAsOneSite()
    {
        if (!TestDatabase.IsCi && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MIRAE_TEST_PG")))
        {
            return; // PostgreSQL cases run in CI and wherever MIRAE_TEST_PG is set (README, Development notes)
        }
        await using var smtp = await SmtpListener.StartAsync();
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var (first, firstAddress) = await InstanceAsync(database, smtp.Port, ownsDatabase: false);
        await using var _ = first;
        var (second, secondAddress) = await InstanceAsync(database, smtp.Port, ownsDatabase: true); // starts on the migrated database
        await using var __ = second;
        await using var proxy = await TinyProxy.StartAsync([firstAddress, secondAddress]);

        // A supplier's member with a product, set up through the first instance's services (one database for both).
        var organization = await DirectoryData.AddOrganizationAsync(first);
        var product = await DirectoryData.AddProductAsync(first, organization.Id);
        var member = await Members.RegisterAsync(first);
        await DirectoryData.LinkAsync(first, member.Id, organization.Id);
        using (var scope = first.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AssignRoles>()
                .HandleAsync(new AssignRoles.Command(member.Id, new HashSet<string> { Roles.Citizen, Roles.ProgramManager }, "담당자 지정 시험"));
        }

        // Signs in through the first instance, continues on the second.
        var instance = 0;
        using var client = proxy.Client(_ => instance);
        using var signedIn = await client.SignInAsync(member.Email!, Members.Password);
        instance = 1;
        var me = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/me");

        // The form comes from the first instance, the upload goes to the second, the download from either.
        using var uploader = proxy.Client(request => request.Method == HttpMethod.Get ? 0 : 1);
        using (var signInAgain = await uploader.SignInAsync(member.Email!, Members.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signInAgain.StatusCode);
        }
        var edit = $"/directory/products/{product}/edit";
        var pdf = Files.Pdf(4096);
        using var uploaded = await uploader.SubmitFilesAsync(edit, new Dictionary<string, (string, byte[])> { ["file"] = ("coa.pdf", pdf) },
            new Dictionary<string, string> { ["kind"] = nameof(DocumentKind.CertificateOfAnalysis) }, edit + "?handler=Upload");
        int document;
        await using (var db = first.CreateDbContext())
        {
            document = await db.ProductDocuments.Where(d => d.ProductId == product).Select(d => d.Id).SingleAsync();
        }
        instance = 0;
        var fromFirst = await client.Http.GetByteArrayAsync($"/directory/documents/{document}");
        instance = 1;
        var fromSecond = await client.Http.GetByteArrayAsync($"/directory/documents/{document}");

        // Both schedulers poll every 0.3 s; both jobs are made due now, and each must run exactly once.
        await using (var db = first.CreateDbContext())
        {
            using var scope = first.Services.CreateScope();
            var notify = scope.ServiceProvider.GetRequiredService<Notify>();
            var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await notify.AddAsync([member.Id], "scale-out:" + Guid.NewGuid(), "Notification.MembershipApproved", "/my/organization", [organization.NameKo]);
            await context.SaveChangesAsync();
            await db.ScheduledJobs.ExecuteUpdateAsync(s => s.SetProperty(j => j.NextRunAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = first.CreateDbContext();
            if (await db.ScheduledJobs.CountAsync(j => j.LastFinishedAt != null) >= 2 && smtp.Messages().Count > 0)
            {
                break;
            }
            await Task.Delay(200);
        }
        await Task.Delay(1500); // several more polls of both instances
        int Ran(MiraeFactory factory, string job) => factory.Logs.Messages.Count(m => m.Contains($"Job {job} ran", StringComparison.Ordinal));

        // A role revoked through the first instance ends the session on the second at its next request.
        using (var scope = first.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AssignRoles>().HandleAsync(new AssignRoles.Command(member.Id, new HashSet<string> { Roles.Citizen }, "담당자 해제 시험"));
        }
        instance = 1;
        using var afterRevocation = await client.Http.GetAsync("/api/v1/me");

        bool Served(MiraeFactory factory, string method, string path) =>
            factory.Logs.Messages.Any(m => m.StartsWith($"Request starting HTTP/1.1 {method} ", StringComparison.Ordinal) && m.Contains(path, StringComparison.Ordinal));
        Assert.True(Served(first, "POST", "/account/sign-in")); // (the uploader below signs in through the second)
        Assert.True(Served(second, "GET", "/api/v1/me") && !Served(first, "GET", "/api/v1/me"));
        Assert.True(Served(first, "GET", edit) && Served(second, "POST", edit + "?handler=Upload") && !Served(first, "POST", edit));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(member.Email, me.GetProperty("email").GetString());
        Assert.Equal("/directory/products/" + product + "/edit", PageClient.RedirectPath(uploaded));
        Assert.Equal(pdf, fromFirst);
        Assert.Equal(pdf, fromSecond);
        Assert.Equal(1, Ran(first, SendNotificationEmails.JobName) + Ran(second, SendNotificationEmails.JobName));
        Assert.Equal(1, Ran(first, FlagExpiringCertificates.JobName) + Ran(second, FlagExpiringCertificates.JobName));
        Assert.Single(smtp.Messages(), m => m.To.Contains(member.Email!, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevocation.StatusCode);
    }
}
