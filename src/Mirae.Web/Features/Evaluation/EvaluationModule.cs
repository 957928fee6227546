using Mirae.Web.Features.Accounts;

namespace Mirae.Web.Features.Evaluation;

public static class EvaluationPolicies
{
    public const string Evaluator = "Evaluator";
}

public static class EvaluationModule
{
    public static IServiceCollection AddEvaluation(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(EvaluationPolicies.Evaluator, p => p.RequireRole(Roles.Evaluator));
        services.AddScoped<EvaluatorPool>();
        services.AddScoped<AssignEvaluators>();
        services.AddScoped<ScoreApplication>();
        services.AddScoped<SelectUnderBudget>();
        return services;
    }
}
