using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>
/// Data the agencies share with solution developers: described in public; downloaded by signed-in company members (and
/// agencies and staff), each download logged; published by an agency's people (or staff) with its file checked by content.
/// </summary>
[AllowAnonymous]
[RequestFormLimits(MultipartBodyLengthLimit = Dataset.MaxBytes + 1024 * 1024)]
[RequestSizeLimit(Dataset.MaxBytes + 1024 * 1024)]
public sealed class DataModel(AppDbContext db, SharedData shared) : PageModel, IRedisplayPage
{
    public sealed record Row(int Id, string Title, string Description, string AgencyKo, string AgencyEn, DatasetLicence Licence, string Contact, DateOnly UpdatedOn,
        string FileName, long Length, FileType Type, int Downloads);

    public sealed class PublishForm
    {
        public int AgencyId { get; set; }
        public string Title { get; set; } = "";
        public string Description { get; set; } = "";
        public DatasetLicence Licence { get; set; } = DatasetLicence.KoglType1;
        public string Contact { get; set; } = "";
        public DateOnly? UpdatedOn { get; set; }
        public IFormFile? File { get; set; }
    }

    [BindProperty(Name = "Publish")]
    public PublishForm Publish { get; set; } = new();

    public IReadOnlyList<Row> Datasets { get; private set; } = [];
    /// <summary>The agencies the viewer may publish for (theirs; every one for staff).</summary>
    public IReadOnlyList<(int Id, string NameKo, string NameEn)> MyAgencies { get; private set; } = [];
    public bool MayDownload { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetDownloadAsync(int datasetId, CancellationToken cancellationToken)
    {
        if (User.ViewerId() is not { } user)
        {
            return Challenge();
        }
        if (!MayDownloadData())
        {
            return Forbid();
        }
        var file = await shared.DownloadAsync(datasetId, user, cancellationToken);
        return file is null ? NotFound() : File(file.Bytes, FileTypes.ContentType(file.Type), file.FileName);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.ViewerId() is not { } user)
        {
            return Challenge();
        }
        if (!User.IsInRole(Roles.Agency) && !User.IsProgramStaff())
        {
            return Forbid();
        }
        await using var stream = Publish.File?.OpenReadStream();
        await shared.PublishAsync(user, User.IsProgramStaff(),
            new SharedData.Input(Publish.AgencyId, Publish.Title, Publish.Description, Publish.Licence, Publish.Contact, Publish.UpdatedOn),
            Publish.File is { } f ? new LabPhotos.Upload(stream!, f.Length, f.FileName) : null, cancellationToken);
        TempData["Flash"] = "Lab.Data.Published";
        return Redirect("/lab/data");
    }

    public string? FieldFor(DomainException broken) => broken.Code.StartsWith("upload.", StringComparison.Ordinal) ? "Publish.File" : null;

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private bool MayDownloadData() => User.IsInRole(Roles.CompanyMember) || User.IsInRole(Roles.Agency) || User.IsProgramStaff();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        MayDownload = MayDownloadData();
        Datasets = await db.Datasets.AsNoTracking().OrderByDescending(d => d.UpdatedOn).ThenByDescending(d => d.Id)
            .Join(db.Agencies, d => d.AgencyId, a => a.Id, (d, a) => new Row(d.Id, d.Title, d.Description, a.NameKo, a.NameEn, d.Licence, d.Contact, d.UpdatedOn,
                d.File.FileName, d.File.Length, d.File.Type, db.DatasetDownloads.Count(x => x.DatasetId == d.Id)))
            .ToListAsync(cancellationToken);
        if (User.ViewerId() is { } user && (User.IsInRole(Roles.Agency) || User.IsProgramStaff()))
        {
            var staff = User.IsProgramStaff();
            MyAgencies = [.. (await db.Agencies.AsNoTracking().Where(a => staff || db.AgencyMembers.Any(m => m.AgencyId == a.Id && m.UserId == user))
                .OrderBy(a => a.Id).ToListAsync(cancellationToken)).Select(a => (a.Id, a.NameKo, a.NameEn))];
        }
    }
}
