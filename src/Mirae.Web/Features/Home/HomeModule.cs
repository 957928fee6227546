using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Home;

/// <summary>Marker of the home pages' texts (HomeTexts.resx, HomeTexts.en.resx): home, privacy, terms, errors.</summary>
public sealed class HomeTexts;

public static class HomeModule
{
    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddTexts<HomeTexts>();
        services.AddNavigation(new NavEntry("Nav.Home", "/", 100, NavAudience.Everyone));
        return services;
    }
}
