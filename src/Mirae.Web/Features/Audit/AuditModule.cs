using Microsoft.AspNetCore.Mvc;

namespace Mirae.Web.Features.Audit;

public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.Configure<MvcOptions>(o => o.Filters.Add<PersonalDataPageFilter>());
        return services;
    }
}
