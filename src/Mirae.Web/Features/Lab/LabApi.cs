using Mirae.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mirae.Web.Features.Lab;

/// <summary>
/// The SOS Lab, read-only and public: challenges, problems (filter by challenge, stage and district) and one problem's
/// way. Public fields only: authors by lab nickname, hidden posts by their moderation reason, no account data.
/// </summary>
public static class LabApi
{
    public sealed record LabChallengeItem(int Id, string Title, string? TitleEn, string? Phase, IReadOnlyList<DateTimeOffset> PhaseStarts, int SupportsPerPerson,
        int Threshold, string Participation, bool ChildrenWelcome, int Problems);

    public sealed record LabProblemItem(int Id, int ChallengeId, string? Title, string Category, string District, string Stage, int? Progress, int Supports,
        DateTimeOffset CreatedAt, string Author, string? Agency, string? HiddenReason);

    public sealed record LabMilestoneItem(DateTimeOffset At, string Event);

    public sealed record LabTaskItem(string Number, string Title, string Organization);

    public sealed record LabSessionItem(DateTimeOffset StartsAt, string Place, int Capacity, int SignedUp, bool Held);

    public sealed record LabProblemDetails(LabProblemItem Problem, string? Description, string? Answer, string? AnswerKind, int? CallId, IReadOnlyList<LabTaskItem> Tasks,
        IReadOnlyList<LabSessionItem> Sessions, int FeedbackCount, double? AverageRating, IReadOnlyList<LabMilestoneItem> Timeline);

    public static IEndpointRouteBuilder MapLabApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/lab").WithTags("SOS Lab").AllowAnonymous();
        group.MapGet("/challenges", async (ReadLab read, CancellationToken cancellationToken) =>
            TypedResults.Ok((await read.ChallengesAsync(cancellationToken)).Select(c => new LabChallengeItem(c.Id, c.Title, c.TitleEn, c.Phase?.ToString(), c.PhaseStarts,
                c.SupportsPerPerson, c.Threshold, c.Participation.ToString(), c.ChildrenWelcome, c.Problems)).ToList())).WithName("ListLabChallenges");
        group.MapGet("/problems", ListAsync).WithName("ListLabProblems");
        group.MapGet("/problems/{id:int}", GetAsync).WithName("GetLabProblem");
        return app;
    }

    public sealed record LabProblemPage(int Total, int Page, int PageSize, IReadOnlyList<LabProblemItem> Items);

    /// <summary>Problems, most supported first, a page at a time; <c>status</c> is a stage (Proposed, InReview, … Demonstrated), <c>district</c> one of the ten 군·구.</summary>
    private static async Task<Ok<LabProblemPage>> ListAsync(ReadLab read, int? challenge, ProblemStage? status, District? district, int? page, int? pageSize,
        CancellationToken cancellationToken)
    {
        var (number, size) = Paging.Clamp(page, pageSize, 50);
        var found = (await read.PageAsync(challenge, status, district, number, size, cancellationToken)).Results;
        return TypedResults.Ok(new LabProblemPage(found.Total, number, size, [.. found.Items.Select(r => Item(r.Problem))]));
    }

    private static async Task<Results<Ok<LabProblemDetails>, NotFound>> GetAsync(ReadLab read, int id, CancellationToken cancellationToken)
    {
        if ((await read.ResultsAsync(null, null, cancellationToken, [id])).SingleOrDefault() is not { } r)
        {
            return TypedResults.NotFound();
        }
        var description = r.Problem.HiddenReason is null ? await read.DescriptionAsync(id, cancellationToken) : null;
        return TypedResults.Ok(new LabProblemDetails(Item(r.Problem), description, r.Answer, r.AnswerKind?.ToString(), r.CallId,
            [.. r.Tasks.Select(t => new LabTaskItem(t.Number, t.Title, t.OrganizationKo))],
            [.. r.Sessions.Select(s => new LabSessionItem(s.StartsAt, s.Place, s.Capacity, s.SignedUp, s.Held))],
            r.Feedback.Count, r.Feedback.Average, [.. r.Timeline.Select(m => new LabMilestoneItem(m.At, m.Key["Lab.Milestone.".Length..]))]));
    }

    private static LabProblemItem Item(ReadLab.ProblemRow p) => new(p.Id, p.ChallengeId, p.Title, p.Category.ToString(), p.District.ToString(), p.Stage.ToString(),
        p.Progress, p.Supports, p.CreatedAt, p.Nickname, p.AgencyKo, p.HiddenReason);
}
