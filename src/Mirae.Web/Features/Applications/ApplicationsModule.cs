using Microsoft.AspNetCore.Authorization;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Applications;

/// <summary>Marker of the applications' texts (ApplicationsTexts.resx, ApplicationsTexts.en.resx).</summary>
public sealed class ApplicationsTexts;

public static class ApplicationsModule
{
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddScoped<ApplyToCall>();
        services.AddScoped<ListMyApplications>();
        services.AddScoped<GetApplication>();
        services.AddScoped<ReviewApplications>();
        services.AddScoped<ListCallApplications>();
        services.AddScoped<IAuthorizationHandler, ApplicationAuthorizationHandler>();
        services.AddTexts<ApplicationsTexts>();
        services.AddNavigation(new NavEntry("Nav.MyApplications", "/my/applications", 210, NavAudience.CompanyMembers));
        return services;
    }
}
