using Mirae.Web.Data;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>Marker of the sourcing texts (SourcingTexts.resx, SourcingTexts.en.resx).</summary>
public sealed class SourcingTexts;

public static class SourcingModule
{
    /// <summary>The localization project (국산화): buyers' needs and supplier matching.</summary>
    public static IServiceCollection AddSourcing(this IServiceCollection services)
    {
        services.AddScoped<PostNeed>();
        services.AddScoped<ListNeeds>();
        services.AddScoped<GetNeed>();
        services.AddScoped<MatchNeeds>();
        services.AddScoped<ExpressInterest>();
        services.AddScoped<ScheduleSession>();
        services.AddScoped<ListSessions>();
        services.AddScoped<BookSlot>();
        services.AddScoped<RecordSlotOutcome>();
        services.AddScoped<RecordQualification>();
        services.AddScoped<ListQualifications>();
        services.AddScoped<FileChangeNotice>();
        services.AddScoped<AcknowledgeChange>();
        services.AddScoped<ListChangeNotices>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, SourcingAuthorizationHandler>();
        services.AddScoped<LocalizationProgress>();
        services.AddTexts<SourcingTexts>();
        services.AddNavigation(
            new NavEntry("Nav.Needs", "/needs", 130, NavAudience.Everyone),
            new NavEntry("Nav.Consultations", "/consultations", 140, NavAudience.Everyone),
            new NavEntry("Nav.Qualifications", "/my/qualifications", 220, NavAudience.BuyerMembers),
            new NavEntry("Nav.Changes", "/my/changes", 230, NavAudience.SupplierMembers),
            new NavEntry("Nav.SupplierNeeds", "/my/needs", 240, NavAudience.SupplierMembers),
            new NavEntry("Nav.AdminConsultations", "/admin/consultations", 340, NavAudience.ProgramStaff, StaffArea.Sourcing),
            new NavEntry("Nav.Localization", "/admin/localization", 350, NavAudience.ProgramStaff, StaffArea.Sourcing));
        services.AddSeed("sourcing.demo", SeedKind.Demo, 500, c => DemoSourcing.SeedAsync(c.Db, c.Clock));
        return services;
    }
}
