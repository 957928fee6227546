using Microsoft.AspNetCore.Authorization;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>Marker of the SOS Lab's texts (LabTexts.resx, LabTexts.en.resx).</summary>
public sealed class LabTexts;

public static class LabPolicies
{
    /// <summary>Moderators, and program staff, who may also moderate.</summary>
    public const string Moderators = "LabModerators";
    /// <summary>Members who act for an agency.</summary>
    public const string Agents = "LabAgents";
}

public static class LabModule
{
    public static IServiceCollection AddLab(this IServiceCollection services)
    {
        services.AddScoped<Participate>();
        services.AddScoped<Guardians>();
        services.AddScoped<Moderate>();
        services.AddScoped<Govern>();
        services.AddScoped<Demonstrate>();
        services.AddScoped<SharedData>();
        services.AddScoped<ReadLab>();
        services.AddTexts<LabTexts>();
        services.AddAuthorizationBuilder()
            .AddPolicy(LabPolicies.Moderators, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsInRole(Roles.Moderator) || c.User.IsProgramStaff()))
            .AddPolicy(LabPolicies.Agents, p => p.RequireRole(Roles.Agency));
        services.AddScheduledJob<SendConsentRequests>(SendConsentRequests.JobName, Schedules.Every(TimeSpan.FromMinutes(1)));
        services.AddSeed("lab.agencies", SeedKind.Reference, 30, c => LabAgencies.EnsureAsync(c.Db));
        services.AddSeed("lab.demo", SeedKind.Demo, 460, c => DemoLab.SeedAsync(c.Services, c.Db, c.Clock)); // after the demo tasks (450)
        services.AddNavigation(
            new NavEntry("Nav.Lab", "/lab", 160, NavAudience.Everyone),
            new NavEntry("Nav.LabAgency", "/lab/agency", 165, NavAudience.Agents),
            new NavEntry("Nav.LabModeration", "/lab/moderation", 166, NavAudience.Moderators),
            new NavEntry("Nav.AdminLab", "/admin/lab", 398, NavAudience.ProgramStaff, StaffArea.Programs));
        return services;
    }
}
