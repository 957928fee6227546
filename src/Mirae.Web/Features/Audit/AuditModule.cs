using Mirae.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Mirae.Web.Features.Audit;

/// <summary>Marker of the audit texts (AuditTexts.resx, AuditTexts.en.resx).</summary>
public sealed class AuditTexts;

public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddScoped<ReadAuditLog>();
        services.AddTexts<AuditTexts>();
        services.AddNavigation(new NavEntry("Nav.AuditLog", "/admin/audit", 510, NavAudience.Administrators, StaffArea.Content));
        services.Configure<MvcOptions>(o => o.Filters.Add<PersonalDataPageFilter>());
        return services;
    }
}
