using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Notifications;

/// <summary>Marker of the notifications' texts (NotificationsTexts.resx, NotificationsTexts.en.resx).</summary>
public sealed class NotificationsTexts;

public static class NotificationsModule
{
    public sealed record NotificationItem(long Id, string Message, string? Link, DateTimeOffset CreatedAt, bool Read);
    public sealed record NotificationPage(int Total, int Unread, IReadOnlyList<NotificationItem> Items);

    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<Notify>();
        services.AddScoped<ListNotifications>();
        services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        services.AddScheduledJob<SendNotificationEmails>(SendNotificationEmails.JobName, Schedules.Every(TimeSpan.FromMinutes(1)));
        services.AddTexts<NotificationsTexts>();
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/notifications", ListAsync).WithTags("Notifications").WithName("ListNotifications").RequireAuthorization();
        return app;
    }

    /// <summary>The caller's notifications, newest first, with the message in the request's language.</summary>
    private static async Task<Ok<NotificationPage>> ListAsync(ClaimsPrincipal user, ListNotifications list,
        Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> text, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (p, size) = Paging.Clamp(page, pageSize);
        var result = await list.HandleAsync(user.UserId(), p, size, cancellationToken);
        return TypedResults.Ok(new NotificationPage(result.Total, await list.UnreadAsync(user.UserId(), cancellationToken),
            result.Items.Select(n => new NotificationItem(n.Id, text[n.MessageKey, Notify.InReaderLanguage(n.Arguments)], n.Link, n.CreatedAt, n.Read)).ToList()));
    }
}
