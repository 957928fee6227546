using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Features.Evaluation;
using Mirae.Web.Features.Applications;
using Mirae.Web.Features.Calls;

namespace Mirae.Web.Tests.Infrastructure;

/// <summary>Test data for evaluation: applications already under evaluation, and evaluators invited and joined through the real use cases.</summary>
public static class EvaluationData
{
    /// <summary>A submitted, screened-in application sent to evaluation, with its requested amount, category answer and a business plan (PDF); the call's deadline passes first (evaluation waits for it).</summary>
    public static async Task<int> UnderEvaluationAsync(MiraeFactory factory, int callId, int organizationId, long amount, string? category = null)
    {
        var id = await ScreenedInAsync(factory, callId, organizationId, amount, category);
        await ProgramData.PassDeadlineAsync(factory, callId);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var call = await db.Calls.SingleAsync(c => c.Id == callId);
        var application = await db.Applications.SingleAsync(a => a.Id == id);
        application.StartEvaluation(call, Guid.NewGuid(), scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>A submitted and screened-in application (applied while the call was open, even if its deadline has since passed).</summary>
    public static async Task<int> ScreenedInAsync(MiraeFactory factory, int callId, int organizationId, long amount, string? category = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clockNow = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var call = await db.Calls.SingleAsync(c => c.Id == callId);
        var now = call.IsOpen(clockNow) ? clockNow : call.OpensAt.AddMinutes(1);
        var member = Guid.NewGuid();
        var application = Application.Start(call, organizationId, member, now);
        var answers = new Dictionary<string, string> { ["title"] = "뮤뮤 시험 과제", ["amount"] = amount.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (category is not null)
        {
            answers[AssignEvaluators.CategoryKey] = category;
        }
        application.SaveDraft(call, answers, now);
        application.Attach(call, "plan", 1, Mirae.Web.Infrastructure.StoredFile.Create("사업계획서.pdf",
            new Mirae.Web.Infrastructure.FileTypes.Accepted(Mirae.Web.Infrastructure.FileType.Pdf, Files.Pdf()), now), member, now);
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        application.Submit(call, member, now);
        application.Screen(eligible: true, null, reasonRequired: false, Guid.NewGuid(), now);
        await db.SaveChangesAsync();
        return application.Id;
    }

    /// <summary>An evaluator in the pool (not joined yet) and the token of their sign-up link.</summary>
    public static async Task<(int Id, string Token)> InviteAsync(MiraeFactory factory, string name = "김평가", string? affiliationNumber = null,
        IReadOnlyList<HistoryEntry>? history = null, IReadOnlyList<string>? relations = null, IReadOnlyList<string>? fields = null, string affiliation = "뮤뮤대학교",
        string? email = null)
    {
        using var scope = factory.Services.CreateScope();
        email ??= Members.UniqueEmail("evaluator");
        var token = await scope.ServiceProvider.GetRequiredService<EvaluatorPool>()
            .InviteAsync(email, name, affiliation, affiliationNumber, fields ?? [], history ?? [], relations ?? [], CancellationToken.None);
        var id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Evaluators.Where(e => e.Email == email).Select(e => e.Id).SingleAsync();
        return (id, token);
    }

    /// <summary>Invites an evaluator, registers a member, and joins through the link page; returns the signed-in evaluator.</summary>
    public static async Task<(PageClient Client, int EvaluatorId)> SignedInEvaluatorAsync(MiraeFactory factory, string name = "김평가",
        string? affiliationNumber = null, IReadOnlyList<HistoryEntry>? history = null, IReadOnlyList<string>? fields = null)
    {
        var email = Members.UniqueEmail("evaluator");
        var (id, token) = await InviteAsync(factory, name, affiliationNumber, history, fields: fields, email: email);
        var member = await Members.RegisterAsync(factory, email); // the invitation is for the address it was sent to
        var client = await factory.SignedInClientAsync(member.Email!);
        using var joined = await client.SubmitAsync($"/evaluators/join/{token}", new Dictionary<string, string> { ["token"] = token });
        Assert.Equal("/evaluations", PageClient.RedirectPath(joined));
        return (client, id);
    }

    /// <summary>Saves panel settings through the page as staff.</summary>
    public static async Task OpenPanelAsync(PageClient staff, int callId, int perApplication, Aggregation aggregation = Aggregation.Mean)
    {
        var url = $"/admin/calls/{callId}/evaluation";
        using var saved = await staff.SubmitAsync(url, new Dictionary<string, string>
        {
            ["EvaluatorsPerApplication"] = $"{perApplication}", ["Aggregation"] = aggregation.ToString(),
        }, url + "?handler=Settings");
        Assert.Equal(url, PageClient.RedirectPath(saved));
    }

    /// <summary>The evaluator's assignment on an application.</summary>
    public static async Task<Assignment?> AssignmentAsync(MiraeFactory factory, int applicationId, int evaluatorId)
    {
        await using var db = factory.CreateDbContext();
        return await db.Assignments.AsNoTracking().SingleOrDefaultAsync(a => a.ApplicationId == applicationId && a.EvaluatorId == evaluatorId);
    }
}
