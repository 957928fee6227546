namespace Mirae.Web.Features.Notices;

public static class NoticesModule
{
    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        services.AddScoped<ListNotices>();
        services.AddScoped<GetNotice>();
        return services;
    }
}
