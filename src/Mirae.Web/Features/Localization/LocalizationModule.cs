namespace Mirae.Web.Features.Localization;

public static class LocalizationModule
{
    /// <summary>The localization project (국산화): buyers' needs and supplier matching.</summary>
    public static IServiceCollection AddLocalizationProject(this IServiceCollection services)
    {
        services.AddScoped<Needs>();
        services.AddScoped<SupplyChain>();
        services.AddScoped<Consultations>();
        services.AddScoped<LocalizationProgress>();
        return services;
    }
}
