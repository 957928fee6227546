using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Notifications;

/// <summary>The e-mail copy of notifications, sent through a real SMTP server on 127.0.0.1.</summary>
public sealed class EmailTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static async Task<MiraeFactory> StartAsync(DatabaseProvider provider, int? smtpPort)
    {
        var factory = new MiraeFactory(await TestDatabase.CreateAsync(provider), new Dictionary<string, string?>
        {
            ["Seed:Demo"] = "false",
            ["Smtp:Host"] = smtpPort is null ? "" : "127.0.0.1",
            ["Smtp:Port"] = (smtpPort ?? 25).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:From"] = "Mirae <noreply@mirae.test>",
            ["Site:PublicUrl"] = "https://mirae.test/",
        });
        factory.StartServer();
        return factory;
    }

    private static async Task NotifyAsync(MiraeFactory factory, Guid recipient, string company)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Notify>()
            .AddAsync([recipient], "test:" + Guid.NewGuid(), "Notification.MembershipApproved", "/my/organization", [company]);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    private static async Task<string> RunJobAsync(MiraeFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SendNotificationEmails>().RunAsync(CancellationToken.None);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task EveryNotification_IsMailedOnce_InTheRecipientsLanguage_WithAnAbsoluteLink(DatabaseProvider provider)
    {
        await using var smtp = await SmtpListener.StartAsync();
        await using var factory = await StartAsync(provider, smtp.Port);
        var korean = await Members.RegisterAsync(factory);
        var english = await Members.RegisterAsync(factory);
        await using (var db = factory.CreateDbContext())
        {
            (await db.Users.SingleAsync(u => u.Id == english.Id)).PreferCulture("en");
            await db.SaveChangesAsync();
        }
        // One argument in both languages (issue 17.11): each reader gets their own.
        await NotifyAsync(factory, korean.Id, Notify.Both("송도필터(주)", "Songdo Filter"));
        await NotifyAsync(factory, english.Id, Notify.Both("송도필터(주)", "Songdo Filter"));

        var first = await RunJobAsync(factory);
        var second = await RunJobAsync(factory);

        Assert.Equal("2 e-mails sent, 0 failed", first);
        Assert.Equal("0 e-mails sent, 0 failed", second);
        var messages = smtp.Messages();
        Assert.Equal(2, messages.Count);
        var ko = Assert.Single(messages, m => m.To.Contains(korean.Email!, StringComparison.Ordinal));
        Assert.StartsWith("[미래] 송도필터(주) 소속이 승인되었습니다", ko.Subject);
        Assert.Contains("https://mirae.test/my/organization", ko.Body);
        Assert.Equal("ko", ko.ContentLanguage);
        var en = Assert.Single(messages, m => m.To.Contains(english.Email!, StringComparison.Ordinal));
        Assert.StartsWith("[Mirae] ", en.Subject);
        Assert.Contains("Songdo Filter", en.Subject);
        Assert.DoesNotContain("송도", en.Subject + en.Body);
        Assert.DoesNotContain("Songdo", ko.Subject + ko.Body);
        Assert.Equal("en", en.ContentLanguage);
        await using var check = factory.CreateDbContext();
        Assert.All(await check.Notifications.ToListAsync(), n => Assert.NotNull(n.EmailedAt));
    }

    [Fact]
    public async Task UnreachableServer_CountsAFailedAttempt_KeepsTheNotification_AndGivesUpAfterTheLimit()
    {
        // A port nobody listens on: the SMTP server is down.
        int closedPort;
        await using (var gone = await SmtpListener.StartAsync())
        {
            closedPort = gone.Port;
        }
        await using var factory = await StartAsync(DatabaseProvider.Sqlite, closedPort);
        var member = await Members.RegisterAsync(factory);
        await NotifyAsync(factory, member.Id, "송도필터(주)");

        var results = new List<string>();
        for (var i = 0; i < SendNotificationEmails.MaxAttempts + 1; i++)
        {
            results.Add(await RunJobAsync(factory));
        }

        Assert.Equal(Enumerable.Repeat("0 e-mails sent, 1 failed", SendNotificationEmails.MaxAttempts).Append("0 e-mails sent, 0 failed"), results);
        await using var db = factory.CreateDbContext();
        var notification = await db.Notifications.SingleAsync(n => n.RecipientId == member.Id);
        Assert.Null(notification.EmailedAt);
        Assert.Equal(SendNotificationEmails.MaxAttempts, notification.EmailAttempts);
        Assert.Contains(factory.Logs.Messages, m => m.Contains($"E-mail for notification {notification.Id} failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutAnSmtpHost_EmailIsOff_AndNothingIsMarked()
    {
        await using var factory = await StartAsync(DatabaseProvider.Sqlite, smtpPort: null);
        var member = await Members.RegisterAsync(factory);
        await NotifyAsync(factory, member.Id, "송도필터(주)");

        var result = await RunJobAsync(factory);

        Assert.Equal("e-mail is off (Smtp:Host is empty)", result);
        await using var db = factory.CreateDbContext();
        Assert.Null((await db.Notifications.SingleAsync(n => n.RecipientId == member.Id)).EmailedAt);
    }
}
