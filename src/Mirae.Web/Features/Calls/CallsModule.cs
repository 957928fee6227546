using Mirae.Web.Data;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Calls;

/// <summary>Marker of the calls' texts (CallsTexts.resx, CallsTexts.en.resx).</summary>
public sealed class CallsTexts;

public static class CallsModule
{
    public static IServiceCollection AddCalls(this IServiceCollection services)
    {
        services.AddScoped<SaveCall>();
        services.AddScoped<ChangeCallStatus>();
        services.AddScoped<SetCallTemplate>();
        services.AddScoped<ListCalls>();
        services.AddScoped<GetCall>();
        services.AddTexts<CallsTexts>();
        services.AddNavigation(
            new NavEntry("Nav.Calls", "/calls", 120, NavAudience.Everyone),
            new NavEntry("Nav.AdminCalls", "/admin/calls", 320, NavAudience.ProgramStaff, StaffArea.Programs));
        services.AddSeed("calls.demo", SeedKind.Demo, 300, c => DemoCalls.SeedAsync(c.Db, c.Clock));
        return services;
    }
}
