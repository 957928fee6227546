using Mirae.Web.Data;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Faq;

/// <summary>Marker of the FAQ's texts (FaqTexts.resx, FaqTexts.en.resx).</summary>
public sealed class FaqTexts;

public static class FaqModule
{
    public static IServiceCollection AddFaq(this IServiceCollection services)
    {
        services.AddScoped<ListFaq>();
        services.AddTexts<FaqTexts>();
        services.AddNavigation(new NavEntry("Nav.Faq", "/faq", 160, NavAudience.Everyone));
        services.AddSeed("faq.demo", SeedKind.Demo, 110, c => DemoFaq.SeedAsync(c.Db));
        return services;
    }
}
