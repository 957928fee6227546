using Mirae.Web.Features.Audit;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Calls;

namespace Mirae.Web.Features.Applications;

/// <summary>
/// Applications for the organizations that make them (members: read, start, answer, submit, withdraw) and, read-only, for
/// program staff. Writes take a JSON body, which a form on another site cannot send, beside the SameSite sign-in cookie;
/// files are attached on the application page.
/// </summary>
public static class ApplicationsApi
{
    public sealed record ApplicationItem(int Id, int CallId, string CallTitleKo, string Organization, string Status, string? ReceiptNumber,
        DateTimeOffset UpdatedAt);
    public sealed record AttachmentItem(string FieldKey, string FileName, long Length, string Sha256);
    public sealed record ApplicationDetails(int Id, int CallId, string Organization, string Status, string? ReceiptNumber, DateTimeOffset? SubmittedAt,
        int Revisions, IReadOnlyDictionary<string, string> Answers, IReadOnlyList<AttachmentItem> Attachments);

    public sealed record StartRequest(int OrganizationId);
    public sealed record Started(int Id, string Url);
    /// <param name="Answers">Question key → answer; a null answer clears it, like an empty one.</param>
    public sealed record AnswersRequest(Dictionary<string, string?>? Answers)
    {
        public Dictionary<string, string>? Cleared() => Answers?.ToDictionary(a => a.Key, a => a.Value ?? "", StringComparer.Ordinal);
    }
    public sealed record Submitted(int Id, string ReceiptNumber);
    /// <param name="Confirm">Must be true: withdrawing cannot be undone.</param>
    public sealed record WithdrawRequest(bool Confirm);

    public static IEndpointRouteBuilder MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/applications").WithTags("Applications").RequireAuthorization();
        group.MapGet("", ListAsync).WithName("ListMyApplications");
        group.MapGet("/{id:int}", GetAsync).WithName("GetApplication")
            .WithMetadata(new ShowsPersonalDataAttribute("application:{id}")).AddEndpointFilter<PersonalDataEndpointFilter>();
        group.MapPut("/{id:int}/answers", SaveAnswersAsync).WithName("SaveApplicationAnswers");
        group.MapPost("/{id:int}/submit", SubmitAsync).WithName("SubmitApplication");
        group.MapPost("/{id:int}/withdraw", WithdrawAsync).WithName("WithdrawApplication");
        app.MapPost("/api/v1/calls/{callId:int}/applications", StartAsync).WithTags("Applications").WithName("StartApplication").RequireAuthorization();
        return app;
    }

    /// <summary>The organization's application to the call: its existing one (200), or a new draft (201).</summary>
    private static async Task<Results<Created<Started>, Ok<Started>, ForbidHttpResult>> StartAsync(ClaimsPrincipal user, ApplyToCall apply,
        IAuthorizationService authorization, Data.AppDbContext db, int callId, StartRequest request, CancellationToken cancellationToken)
    {
        if (!await db.Calls.AnyAsync(c => c.Id == callId && c.Status != CallStatus.Draft, cancellationToken))
        {
            throw new NotFoundException("call");
        }
        if (!(await authorization.AuthorizeAsync(user, new ApplicationResource(request.OrganizationId), ApplicationOperations.Edit)).Succeeded)
        {
            return TypedResults.Forbid();
        }
        var (id, created) = await apply.StartAsync(callId, request.OrganizationId, user.UserId(), cancellationToken);
        var started = new Started(id, $"/applications/{id}");
        return created ? TypedResults.Created($"/api/v1/applications/{id}", started) : TypedResults.Ok(started);
    }

    /// <summary>Saves the draft; an answer of the wrong type or length saves nothing (400 with the field's message).</summary>
    private static async Task<Results<NoContent, ValidationProblem, ForbidHttpResult>> SaveAnswersAsync(ClaimsPrincipal user, ApplyToCall apply,
        IAuthorizationService authorization, Data.AppDbContext db, IStringLocalizer<SharedResource> text, int id, AnswersRequest request,
        CancellationToken cancellationToken)
    {
        if (!await CanEditAsync(user, authorization, db, id, cancellationToken))
        {
            return TypedResults.Forbid();
        }
        var problems = await apply.SaveDraftAsync(id, request.Cleared() ?? [], cancellationToken);
        return problems.Count > 0 ? Problems(problems, text) : TypedResults.NoContent();
    }

    /// <summary>Saves the answers and submits: a receipt number, or 400 naming every missing answer and document.</summary>
    private static async Task<Results<Ok<Submitted>, ValidationProblem, ForbidHttpResult>> SubmitAsync(ClaimsPrincipal user, ApplyToCall apply,
        IAuthorizationService authorization, Data.AppDbContext db, IStringLocalizer<SharedResource> text, int id, AnswersRequest request,
        CancellationToken cancellationToken)
    {
        if (!await CanEditAsync(user, authorization, db, id, cancellationToken))
        {
            return TypedResults.Forbid();
        }
        // Without answers in the body, the saved draft is what is submitted.
        IReadOnlyDictionary<string, string> answers = request.Cleared()
            ?? await db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => a.Answers).SingleAsync(cancellationToken);
        var submission = await apply.SubmitAsync(id, answers, user.UserId(), cancellationToken);
        return submission.ReceiptNumber is { } receipt ? TypedResults.Ok(new Submitted(id, receipt)) : Problems(submission.Problems, text);
    }

    private static async Task<Results<NoContent, ValidationProblem, ForbidHttpResult>> WithdrawAsync(ClaimsPrincipal user, ApplyToCall apply,
        IAuthorizationService authorization, Data.AppDbContext db, int id, WithdrawRequest request, CancellationToken cancellationToken)
    {
        if (!await CanEditAsync(user, authorization, db, id, cancellationToken))
        {
            return TypedResults.Forbid();
        }
        if (!request.Confirm)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["confirm"] = ["confirm must be true"] });
        }
        await apply.WithdrawAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Whether the caller changes this application (its organization's approved member); 404 when there is none.</summary>
    private static async Task<bool> CanEditAsync(ClaimsPrincipal user, IAuthorizationService authorization, Data.AppDbContext db, int id,
        CancellationToken cancellationToken)
    {
        var organizationId = await db.Applications.Where(a => a.Id == id).Select(a => (int?)a.OrganizationId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("application");
        return (await authorization.AuthorizeAsync(user, new ApplicationResource(organizationId), ApplicationOperations.Edit)).Succeeded;
    }

    private static ValidationProblem Problems(IEnumerable<AnswerCheck.Problem> problems, IStringLocalizer<SharedResource> text) =>
        ApiProblems.Validation(problems.GroupBy(p => p.FieldKey)
            .ToDictionary(g => g.Key, g => g.Select(p => text[p.MessageKey, p.Arguments].Value).ToArray()));

    /// <summary>The applications of the organizations the caller is an approved member of.</summary>
    private static async Task<Ok<List<ApplicationItem>>> ListAsync(ClaimsPrincipal user, ListMyApplications list, CancellationToken cancellationToken) =>
        TypedResults.Ok((await list.HandleAsync(user.UserId(), cancellationToken))
            .Select(a => new ApplicationItem(a.Id, a.CallId, a.CallKo, a.OrganizationKo, a.Status.ToString(), a.ReceiptNumber, a.UpdatedAt.ToKst())).ToList());

    private static async Task<Results<Ok<ApplicationDetails>, ForbidHttpResult>> GetAsync(HttpContext http, GetApplication get,
        IAuthorizationService authorization, int id, CancellationToken cancellationToken)
    {
        var user = http.User;
        var a = await get.HandleAsync(id, cancellationToken) ?? throw new NotFoundException("application");
        var resource = new ApplicationResource(a.Organization.Id);
        if (!(await authorization.AuthorizeAsync(user, resource, ApplicationOperations.View)).Succeeded)
        {
            return TypedResults.Forbid();
        }
        if ((await authorization.AuthorizeAsync(user, resource, ApplicationOperations.Edit)).Succeeded)
        {
            PersonalData.ReadByItsSubject(http);
        }
        return TypedResults.Ok(new ApplicationDetails(a.Id, a.Call.Id, a.Organization.NameKo, a.Status.ToString(), a.ReceiptNumber, a.SubmittedAt?.ToKst(),
            a.Revisions.Count, a.Answers, a.Attachments.Select(x => new AttachmentItem(x.FieldKey, x.FileName, x.Length, x.Sha256)).ToList()));
    }
}
