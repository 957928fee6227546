using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Applications;

namespace Mirae.Web.Features.Calls;

/// <summary>Calls for the public board and feed (published ones), or for staff (drafts too).</summary>
public sealed class ListCalls(AppDbContext db, TimeProvider clock)
{
    public sealed record Row(int Id, int Year, ProgramKind Kind, string ProgramKo, string ProgramEn, string TitleKo, string TitleEn,
        DateTimeOffset OpensAt, DateTimeOffset ClosesAt, decimal TotalBudget, decimal PerTaskCap, int ExpectedAwards, CallStatus Status,
        CallPhase Phase, int? DaysLeft);

    /// <param name="phase">Only calls in this phase; null for all.</param>
    /// <param name="includeDrafts">Staff only: drafts as well as published and closed calls.</param>
    public async Task<PagedList<Row>> HandleAsync(CallPhase? phase, bool includeDrafts, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var calls = db.Calls.AsNoTracking().Where(c => includeDrafts || c.Status != CallStatus.Draft);
        calls = phase is { } wanted ? calls.InPhase(wanted, now) : calls;
        // Open and upcoming calls by the nearest deadline first; ended and mixed lists newest first.
        var ordered = phase is CallPhase.Open or CallPhase.Upcoming
            ? calls.OrderBy(c => c.ClosesAt).ThenBy(c => c.Id)
            : calls.OrderByDescending(c => c.ClosesAt).ThenByDescending(c => c.Id);
        var total = await calls.CountAsync(cancellationToken);
        var rows = await ordered.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new { c.Id, c.Year, c.Program.Kind, c.Program.NameKo, c.Program.NameEn, c.TitleKo, c.TitleEn, c.OpensAt, c.ClosesAt, c.TotalBudget,
                c.PerTaskCap, c.ExpectedAwards, c.Status })
            .ToListAsync(cancellationToken);
        return new PagedList<Row>(rows.Select(c => new Row(c.Id, c.Year, c.Kind, c.NameKo, c.NameEn, c.TitleKo, c.TitleEn, c.OpensAt, c.ClosesAt,
            c.TotalBudget, c.PerTaskCap, c.ExpectedAwards, c.Status, CallWindow.PhaseOf(c.Status, c.OpensAt, c.ClosesAt, now), CallWindow.DaysLeft(c.Status, c.ClosesAt, now))).ToList(),
            total, page, pageSize);
    }
}

/// <summary>One call with everything the public page and the API show; drafts only for staff.</summary>
public sealed class GetCall(AppDbContext db, TimeProvider clock)
{
    public sealed record ExtensionRow(DateTimeOffset PreviousClosesAt, DateTimeOffset NewClosesAt, string Reason, DateTimeOffset At);
    public sealed record TemplateRow(int DocumentIndex, string FileName, long Length);

    public sealed record Details(int Id, int ProgramId, int Year, ProgramKind Kind, string ProgramKo, string ProgramEn, string TitleKo, string TitleEn,
        string SummaryKo, string SummaryEn, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, decimal TotalBudget, decimal PerTaskCap, int ExpectedAwards,
        Eligibility Eligibility, IReadOnlyList<RequiredDocument> RequiredDocuments, IReadOnlyList<Criterion> Rubric, IReadOnlyList<FormSection> Form, CallStatus Status,
        DateTimeOffset? PublishedAt, DateTimeOffset? ClosedAt, CallPhase Phase, int? DaysLeft, IReadOnlyList<ExtensionRow> Extensions,
        IReadOnlyList<TemplateRow> Templates, FundingRules? Funding = null, string AgreementTemplate = "")
    {
        /// <summary>Published and within its window: members may apply.</summary>
        public bool IsOpen => CallWindow.IsOpen(Status, Phase);
    }

    public async Task<Details?> HandleAsync(int id, bool includeDrafts, CancellationToken cancellationToken = default)
    {
        var call = await db.Calls.AsNoTracking().Include(c => c.Program).Include(c => c.Extensions).Include(c => c.Templates).ThenInclude(t => t.File)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id && (includeDrafts || c.Status != CallStatus.Draft), cancellationToken);
        if (call is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        return new Details(call.Id, call.ProgramId, call.Year, call.Program.Kind, call.Program.NameKo, call.Program.NameEn, call.TitleKo, call.TitleEn,
            call.SummaryKo, call.SummaryEn, call.OpensAt, call.ClosesAt, call.TotalBudget, call.PerTaskCap, call.ExpectedAwards, call.Eligibility,
            call.RequiredDocuments, call.Rubric, call.Form, call.Status, call.PublishedAt, call.ClosedAt, CallWindow.PhaseOf(call.Status, call.OpensAt, call.ClosesAt, now),
            CallWindow.DaysLeft(call.Status, call.ClosesAt, now),
            call.Extensions.OrderBy(e => e.At).Select(e => new ExtensionRow(e.PreviousClosesAt, e.NewClosesAt, e.Reason, e.At)).ToList(),
            call.Templates.OrderBy(t => t.DocumentIndex).Select(t => new TemplateRow(t.DocumentIndex, t.File.FileName, t.File.Length)).ToList(), call.Funding, call.AgreementTemplate);
    }
}
