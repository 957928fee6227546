using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Features.Notifications;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Notifications;

[Collection("web")]
public sealed class InboxTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static async Task<long> NotifyAsync(MiraeFactory factory, Guid recipient, string link)
    {
        using var scope = factory.Services.CreateScope();
        var notify = scope.ServiceProvider.GetRequiredService<Notify>();
        var key = "test:" + Guid.NewGuid();
        await notify.AddAsync([recipient], key, "Notification.MembershipApproved", link, ["송도필터(주)"]);
        await notify.AddAsync([recipient], key, "Notification.MembershipApproved", link, ["송도필터(주)"]);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.SaveChangesAsync();
        return await db.Notifications.Where(n => n.Key == key).Select(n => n.Id).SingleAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Inbox_ShowsTheMessageInTheReadersLanguage_AndOpeningMarksItRead(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var member = await Members.RegisterAsync(factory);
        var id = await NotifyAsync(factory, member.Id, "/directory");
        using var client = await factory.SignedInClientAsync(member.Email!);

        var (_, inbox) = await client.GetPageAsync("/notifications");
        using var api = await client.Http.GetAsync("/api/v1/notifications");
        var json = await api.Content.ReadAsStringAsync();
        using var open = await client.SubmitAsync("/notifications", [], $"/notifications?handler=Open&id={id}");
        var (_, after) = await client.GetPageAsync("/notifications");

        Assert.Contains("송도필터(주) 소속이 승인되었습니다", inbox);
        Assert.Contains("data-testid=\"unread-count\"", inbox);
        Assert.Contains("\"unread\":1", json);
        Assert.Contains("\"link\":\"/directory\"", json);
        Assert.Equal("/directory", PageClient.RedirectPath(open));
        Assert.DoesNotContain("data-testid=\"unread-count\"", after);
        Assert.Equal(1, await factory.CreateDbContext().Notifications.CountAsync(n => n.RecipientId == member.Id));
    }

    [Fact]
    public async Task Opening_SomeoneElsesNotification_IsNotFound_AndLeavesItUnread()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        var owner = await Members.RegisterAsync(factory);
        var id = await NotifyAsync(factory, owner.Id, "/directory");
        var other = await Members.RegisterAsync(factory);
        using var client = await factory.SignedInClientAsync(other.Email!);

        using var open = await client.SubmitAsync("/notifications", [], $"/notifications?handler=Open&id={id}");

        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
        Assert.Null((await factory.CreateDbContext().Notifications.SingleAsync(n => n.Id == id)).ReadAt);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public void Notification_LinksOnlyToLocalPaths(string link) =>
        Assert.Throws<ArgumentException>(() => Notification.Create(Guid.NewGuid(), "k", "m", [], link, DateTimeOffset.UtcNow));

    [Fact]
    public async Task Inbox_WhenAnonymous_AsksToSignIn()
    {
        using var client = (await hosts.GetAsync(DatabaseProvider.Sqlite)).CreatePageClient();

        using var page = await client.Http.GetAsync("/notifications");
        using var api = await client.Http.GetAsync("/api/v1/notifications");

        Assert.Equal("/account/sign-in", PageClient.RedirectPath(page));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }
}
