using Mirae.Web.Data;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Notices;

/// <summary>Marker of the notices' texts (NoticesTexts.resx, NoticesTexts.en.resx).</summary>
public sealed class NoticesTexts;

public static class NoticesModule
{
    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        services.AddScoped<ListNotices>();
        services.AddScoped<GetNotice>();
        services.AddScoped<WriteNotice>();
        services.AddTexts<NoticesTexts>();
        services.AddNavigation(new NavEntry("Nav.Notices", "/notices", 150, NavAudience.Everyone));
        services.AddNavigation(new NavEntry("Nav.AdminNotices", "/admin/notices", 420, NavAudience.ProgramStaff, StaffArea.Content));
        services.AddSeed("notices.demo", SeedKind.Demo, 100, c => DemoNotices.SeedAsync(c.Db, c.Clock));
        return services;
    }
}
