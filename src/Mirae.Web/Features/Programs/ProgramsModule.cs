namespace Mirae.Web.Features.Programs;

public static class ProgramsModule
{
    public static IServiceCollection AddPrograms(this IServiceCollection services)
    {
        services.AddScoped<SaveCall>();
        services.AddScoped<ChangeCallStatus>();
        services.AddScoped<SetCallTemplate>();
        services.AddScoped<ListCalls>();
        services.AddScoped<GetCall>();
        services.AddScoped<ApplyToCall>();
        services.AddScoped<ListMyApplications>();
        services.AddScoped<GetApplication>();
        services.AddScoped<ReviewApplications>();
        services.AddScoped<ListCallApplications>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, ApplicationAuthorizationHandler>();
        return services;
    }
}
