using Microsoft.AspNetCore.Identity;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Features.Accounts;

namespace Mirae.Web.Features.Evaluation;

public static class EvaluationPolicies
{
    public const string Evaluator = "Evaluator";
}

/// <summary>Marker of the evaluation texts (EvaluationTexts.resx, EvaluationTexts.en.resx).</summary>
public sealed class EvaluationTexts;

public static class EvaluationModule
{
    public static IServiceCollection AddEvaluation(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(EvaluationPolicies.Evaluator, p => p.RequireRole(Roles.Evaluator));
        services.AddScoped<EvaluatorPool>();
        services.AddScoped<AssignEvaluators>();
        services.AddScoped<ScoreApplication>();
        services.AddScoped<SelectUnderBudget>();
        services.AddTexts<EvaluationTexts>();
        services.AddLedgerSource<AwardLedger>();
        services.AddNavigation(
            new NavEntry("Nav.Evaluators", "/admin/evaluators", 330, NavAudience.ProgramStaff, StaffArea.Evaluation),
            new NavEntry("Nav.MyEvaluations", "/evaluations", 400, NavAudience.Evaluators));
        services.AddSeed("evaluation.demo", SeedKind.Demo, 400, c => DemoEvaluation.SeedAsync(c.Db, c.Services.GetRequiredService<UserManager<AppUser>>(), c.Clock));
        return services;
    }
}
