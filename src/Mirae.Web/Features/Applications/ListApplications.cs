using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Calls;

namespace Mirae.Web.Features.Applications;

/// <summary>The applications of the organizations a member is approved for, newest first.</summary>
public sealed class ListMyApplications(AppDbContext db)
{
    public sealed record Row(int Id, int CallId, string CallKo, string CallEn, string OrganizationKo, string? OrganizationEn, ApplicationStatus Status,
        string? ReceiptNumber, DateTimeOffset UpdatedAt, DateTimeOffset ClosesAt);

    public Task<List<Row>> HandleAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        var organizations = db.Memberships.Where(m => m.UserId == memberId && m.Status == MembershipStatus.Approved).Select(m => m.OrganizationId);
        return (from a in db.Applications.AsNoTracking()
                where organizations.Contains(a.OrganizationId)
                join c in db.Calls on a.CallId equals c.Id
                join o in db.Organizations on a.OrganizationId equals o.Id
                orderby a.UpdatedAt descending, a.Id descending
                select new Row(a.Id, c.Id, c.TitleKo, c.TitleEn, o.NameKo, o.NameEn, a.Status, a.ReceiptNumber, a.UpdatedAt, c.ClosesAt))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>One application with its call and the applying organization's directory profile.</summary>
public sealed class GetApplication(AppDbContext db, GetCall getCall)
{
    public sealed record AttachmentRow(int Id, string FieldKey, Guid FileId, string FileName, long Length, string Sha256);
    public sealed record Profile(int Id, string BusinessNumber, OrganizationKind Kind, string NameKo, string? NameEn, string? RegionKo, int? Employees,
        int? FoundedYear, string? Website, string? RegionEn = null);
    public sealed record RevisionRow(int Number, DateTimeOffset SubmittedAt, IReadOnlyDictionary<string, string> Answers);
    public sealed record Details(int Id, ApplicationStatus Status, IReadOnlyDictionary<string, string> Answers, string? ReceiptNumber,
        DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, IReadOnlyList<RevisionRow> Revisions, IReadOnlyList<AttachmentRow> Attachments,
        GetCall.Details Call, Profile Organization, decimal? RequestedAmount, string? StaffMessage, DateTimeOffset? ReturnedUntil)
    {
        /// <summary>Whether the call takes applications now (published and inside its window, as of loading).</summary>
        public bool CallOpen => Call.IsOpen;

        public bool CanChange(DateTimeOffset now) => Application.CanChange(Status, ReturnedUntil, CallOpen, now);
    }

    public async Task<Details?> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.Attachments).ThenInclude(a => a.File).Include(a => a.Revisions)
            .AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return null;
        }
        var call = await getCall.HandleAsync(application.CallId, includeDrafts: true, cancellationToken) ?? throw new NotFoundException("call");
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == application.OrganizationId)
            .Select(o => new Profile(o.Id, o.BusinessNumber, o.Kind, o.NameKo, o.NameEn, o.RegionKo, o.Employees, o.FoundedYear, o.Website, o.RegionEn))
            .SingleAsync(cancellationToken);
        return new Details(application.Id, application.Status, application.Answers, application.ReceiptNumber, application.UpdatedAt,
            application.SubmittedAt,
            application.Revisions.OrderBy(r => r.Number).Select(r => new RevisionRow(r.Number, r.SubmittedAt, r.Answers)).ToList(),
            application.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentRow(a.Id, a.FieldKey, a.FileId, a.File.FileName, a.File.Length, a.File.Sha256))
                .ToList(),
            call, organization, application.RequestedAmount, application.StaffMessage, application.ReturnedUntil);
    }
}
