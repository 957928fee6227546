using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Applications;

namespace Mirae.Web.Features.Calls;

/// <summary>Published calls for other sites and tools: the open-calls feed and each call's terms. Times are KST (+09:00).</summary>
public static class CallsApi
{
    public sealed record ProgramItem(string Kind, string NameKo, string NameEn);
    public sealed record CallItem(int Id, int Year, ProgramItem Program, string TitleKo, string TitleEn, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
        decimal TotalBudget, decimal PerTaskCap, int ExpectedAwards, string Phase, int? DaysLeft, string Url);
    public sealed record CallPage(int Total, IReadOnlyList<CallItem> Items);
    public sealed record ExtensionItem(DateTimeOffset PreviousClosesAt, DateTimeOffset NewClosesAt, string Reason);
    public sealed record CallDetails(int Id, int Year, ProgramItem Program, string TitleKo, string TitleEn, string SummaryKo, string SummaryEn,
        DateTimeOffset OpensAt, DateTimeOffset ClosesAt, decimal TotalBudget, decimal PerTaskCap, int ExpectedAwards, string Phase, int? DaysLeft,
        Eligibility Eligibility, IReadOnlyList<RequiredDocument> RequiredDocuments, IReadOnlyList<Criterion> Rubric, IReadOnlyList<ExtensionItem> Extensions,
        string Url);

    public static IEndpointRouteBuilder MapCallsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/calls").WithTags("Calls").AllowAnonymous();
        group.MapGet("", ListAsync).WithName("ListCalls");
        group.MapGet("/{id:int}", GetAsync).WithName("GetCall");
        app.MapGet("/calls/{id:int}/templates/{number:int}", DownloadTemplateAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Published calls; <c>phase</c> is <c>open</c> (default: accepting applications now), <c>upcoming</c>, <c>ended</c> or <c>all</c>.</summary>
    private static async Task<Results<Ok<CallPage>, ValidationProblem>> ListAsync(ListCalls list, PublicSite site, string? phase, int? page, int? pageSize,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        CallPhase? wanted = CallPhase.Open;
        if (phase is not null)
        {
            wanted = phase.ToLowerInvariant() switch
            {
                "open" => CallPhase.Open,
                "upcoming" => CallPhase.Upcoming,
                "ended" => CallPhase.Ended,
                "all" => null,
                _ => Invalid(errors, "phase", "phase must be open, upcoming, ended or all"),
            };
        }
        if (page is < 1)
        {
            Invalid(errors, "page", "page must be at least 1");
        }
        if (pageSize is < 1 or > Paging.MaxPageSize)
        {
            Invalid(errors, "pageSize", $"pageSize must be between 1 and {Paging.MaxPageSize}");
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        var (p, size) = Paging.Clamp(page, pageSize);
        var result = await list.HandleAsync(wanted, includeDrafts: false, p, size, cancellationToken);
        return TypedResults.Ok(new CallPage(result.Total, result.Items.Select(c => new CallItem(c.Id, c.Year, new ProgramItem(c.Kind.ToString(), c.ProgramKo, c.ProgramEn),
            c.TitleKo, c.TitleEn, c.OpensAt.ToKst(), c.ClosesAt.ToKst(), c.TotalBudget, c.PerTaskCap, c.ExpectedAwards, c.Phase.ToString().ToLowerInvariant(),
            c.DaysLeft, site.Link($"/calls/{c.Id}"))).ToList()));
    }

    private static async Task<Ok<CallDetails>> GetAsync(GetCall get, PublicSite site, int id, CancellationToken cancellationToken)
    {
        var c = await get.HandleAsync(id, includeDrafts: false, cancellationToken) ?? throw new NotFoundException("call");
        return TypedResults.Ok(new CallDetails(c.Id, c.Year, new ProgramItem(c.Kind.ToString(), c.ProgramKo, c.ProgramEn), c.TitleKo, c.TitleEn, c.SummaryKo,
            c.SummaryEn, c.OpensAt.ToKst(), c.ClosesAt.ToKst(), c.TotalBudget, c.PerTaskCap, c.ExpectedAwards, c.Phase.ToString().ToLowerInvariant(), c.DaysLeft,
            c.Eligibility, c.RequiredDocuments, c.Rubric,
            c.Extensions.Select(e => new ExtensionItem(e.PreviousClosesAt.ToKst(), e.NewClosesAt.ToKst(), e.Reason)).ToList(), site.Link($"/calls/{c.Id}")));
    }

    /// <summary>The template of the <paramref name="number"/>-th required document: public once the call is, always a download.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadTemplateAsync(Data.AppDbContext db, System.Security.Claims.ClaimsPrincipal user,
        int id, int number, CancellationToken cancellationToken)
    {
        var staff = Accounts.RoleChecks.IsProgramStaff(user);
        var template = await db.Calls.AsNoTracking().Where(c => c.Id == id && (staff || c.Status != CallStatus.Draft))
            .SelectMany(c => c.Templates).Where(t => t.DocumentIndex == number - 1)
            .Select(t => new { t.File.FileName, t.File.Type, t.File.Content.Bytes }).SingleOrDefaultAsync(cancellationToken);
        return template is null
            ? TypedResults.NotFound()
            : TypedResults.File(template.Bytes, FileTypes.ContentType(template.Type), template.FileName);
    }

    private static CallPhase? Invalid(Dictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [message];
        return null;
    }
}
