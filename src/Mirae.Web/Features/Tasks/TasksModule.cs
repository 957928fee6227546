using Microsoft.AspNetCore.Authorization;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Tasks;

/// <summary>Marker of the funded tasks' texts (TasksTexts.resx, TasksTexts.en.resx).</summary>
public sealed class TasksTexts;

public static class TasksModule
{
    public static IServiceCollection AddTasks(this IServiceCollection services)
    {
        services.AddScoped<ReadTasks>();
        services.AddScoped<PlanTask>();
        services.AddScoped<ChangeResearchers>();
        services.AddScoped<ChangeTask>();
        services.AddScoped<RecordExpenses>();
        services.AddScoped<SettleTask>();
        services.AddSingleton<KoreanHolidays>();
        services.AddScoped<IAuthorizationHandler, TaskAuthorizationHandler>();
        services.AddTexts<TasksTexts>();
        services.AddSeed("tasks.demo", SeedKind.Demo, 450, c => DemoTasks.SeedAsync(c.Db, c.Clock)); // after the demo selection (400)
        services.AddNavigation(
            new NavEntry("Nav.MyTasks", "/tasks", 215, NavAudience.CompanyMembers),
            new NavEntry("Nav.Tasks", "/admin/tasks", 395, NavAudience.ProgramStaff, StaffArea.Programs));
        return services;
    }
}
