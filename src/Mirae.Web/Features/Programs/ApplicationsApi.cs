using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Programs;

/// <summary>Applications for the organizations that make them (members) and, read-only, for program staff.</summary>
public static class ApplicationsApi
{
    public sealed record ApplicationItem(int Id, int CallId, string CallTitleKo, string Organization, string Status, string? ReceiptNumber,
        DateTimeOffset UpdatedAt);
    public sealed record AttachmentItem(string FieldKey, string FileName, long Length, string Sha256);
    public sealed record ApplicationDetails(int Id, int CallId, string Organization, string Status, string? ReceiptNumber, DateTimeOffset? SubmittedAt,
        int Revisions, IReadOnlyDictionary<string, string> Answers, IReadOnlyList<AttachmentItem> Attachments);

    public static IEndpointRouteBuilder MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/applications").WithTags("Applications").RequireAuthorization();
        group.MapGet("", ListAsync).WithName("ListMyApplications");
        group.MapGet("/{id:int}", GetAsync).WithName("GetApplication");
        return app;
    }

    /// <summary>The applications of the organizations the caller is an approved member of.</summary>
    private static async Task<Ok<List<ApplicationItem>>> ListAsync(ClaimsPrincipal user, ListMyApplications list, CancellationToken cancellationToken) =>
        TypedResults.Ok((await list.HandleAsync(user.UserId(), cancellationToken))
            .Select(a => new ApplicationItem(a.Id, a.CallId, a.CallKo, a.OrganizationKo, a.Status.ToString(), a.ReceiptNumber, a.UpdatedAt.ToKst())).ToList());

    private static async Task<Results<Ok<ApplicationDetails>, ForbidHttpResult>> GetAsync(ClaimsPrincipal user, GetApplication get,
        IAuthorizationService authorization, Audit.AuditLog audit, Data.AppDbContext db, int id, CancellationToken cancellationToken)
    {
        var a = await get.HandleAsync(id, cancellationToken) ?? throw new NotFoundException("application");
        var resource = new ApplicationResource(a.Organization.Id);
        if (!(await authorization.AuthorizeAsync(user, resource, ApplicationOperations.View)).Succeeded)
        {
            return TypedResults.Forbid();
        }
        if (!(await authorization.AuthorizeAsync(user, resource, ApplicationOperations.Edit)).Succeeded)
        {
            audit.Add(Audit.AuditActions.PersonalDataViewed, $"application:{id}", "api");
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Ok(new ApplicationDetails(a.Id, a.Call.Id, a.Organization.NameKo, a.Status.ToString(), a.ReceiptNumber, a.SubmittedAt?.ToKst(),
            a.Revisions.Count, a.Answers, a.Attachments.Select(x => new AttachmentItem(x.FieldKey, x.FileName, x.Length, x.Sha256)).ToList()));
    }
}
