namespace Mirae.Web.Features.Programs;

public static class ProgramsModule
{
    public static IServiceCollection AddPrograms(this IServiceCollection services)
    {
        services.AddScoped<SaveCall>();
        services.AddScoped<ChangeCallStatus>();
        services.AddScoped<ListCalls>();
        services.AddScoped<GetCall>();
        return services;
    }
}
