using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Administration;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Notices;

/// <summary>What staff type for a notice.</summary>
public sealed class NoticeInput
{
    [Display(Name = "Notices.Category")]
    public NoticeCategory Category { get; set; } = NoticeCategory.Announcement;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(Notice.MaxTitle, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "NoticeEdit.TitleKo")]
    public string TitleKo { get; set; } = "";

    [StringLength(Notice.MaxTitle, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "NoticeEdit.TitleEn")]
    public string? TitleEn { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(Notice.MaxBody, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "NoticeEdit.BodyKo")]
    public string BodyKo { get; set; } = "";

    [StringLength(Notice.MaxBody, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "NoticeEdit.BodyEn")]
    public string? BodyEn { get; set; }

    [Display(Name = "NoticeEdit.Pinned")]
    public bool Pinned { get; set; }

    /// <summary>KST, as the datetime-local control sends it; empty means now.</summary>
    [Display(Name = "NoticeEdit.PublishAt")]
    public DateTime? PublishAt { get; set; }

    public static NoticeInput From(Notice notice) => new()
    {
        Category = notice.Category, TitleKo = notice.TitleKo, TitleEn = notice.TitleEn, BodyKo = notice.BodyKo, BodyEn = notice.BodyEn, Pinned = notice.Pinned,
        PublishAt = notice.PublishedAt.ToKst().DateTime,
    };
}

/// <summary>Program staff write or change a notice (category, both languages, pinning, publication time) and attach files.</summary>
[Authorize(Policy = AdministrationPolicies.ProgramStaff)]
[RequestFormLimits(MultipartBodyLengthLimit = NoticeAttachment.MaxBytes + 1024 * 1024)]
[RequestSizeLimit(NoticeAttachment.MaxBytes + 1024 * 1024)]
public sealed class EditNoticeModel(AppDbContext db, WriteNotice write, IStringLocalizer<SharedResource> text) : PageModel, IRedisplayPage
{
    [BindProperty(Name = "Input")] // named: the upload, remove and delete forms leave it unbound (issue 17.4)
    public NoticeInput Input { get; set; } = new();

    public int? NoticeId { get; private set; }
    public IReadOnlyList<GetNotice.FileRow> Files { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (id == "new")
        {
            return Page();
        }
        if (!int.TryParse(id, out var noticeId) || await db.Notices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == noticeId, cancellationToken) is not { } notice)
        {
            return NotFound();
        }
        Input = NoticeInput.From(notice);
        return await LoadAsync(noticeId, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        int? noticeId = id == "new" ? null : int.TryParse(id, out var parsed) ? parsed : -1;
        if (noticeId == -1 || (noticeId is int existing && !await db.Notices.AnyAsync(n => n.Id == existing, cancellationToken)))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return noticeId is int shown ? await LoadAsync(shown, cancellationToken) : Page();
        }
        DateTimeOffset? publishAt = Input.PublishAt is { } local ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Kst.Offset) : null;
        var savedId = await write.SaveAsync(noticeId, new WriteNotice.Command(Input.Category, Input.TitleKo, Input.TitleEn, Input.BodyKo, Input.BodyEn,
            Input.Pinned, publishAt), cancellationToken);
        TempData["Flash"] = "NoticeEdit.Saved";
        return Redirect($"/admin/notices/{savedId}");
    }

    public async Task<IActionResult> OnPostUploadAsync(string id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (!int.TryParse(id, out var noticeId))
        {
            return NotFound();
        }
        ModelState.Clear();
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", text["Upload.Choose"]);
            return await RedisplayAsync(cancellationToken);
        }
        await using (var stream = file.OpenReadStream())
        {
            await write.AttachAsync(noticeId, file.FileName, file.Length, stream, cancellationToken);
        }
        TempData["Flash"] = "NoticeEdit.Attached";
        return Redirect($"/admin/notices/{noticeId}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id, int attachmentId, CancellationToken cancellationToken)
    {
        if (!int.TryParse(id, out var noticeId))
        {
            return NotFound();
        }
        await write.RemoveAsync(noticeId, attachmentId, cancellationToken);
        TempData["Flash"] = "NoticeEdit.Removed";
        return Redirect($"/admin/notices/{noticeId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (!int.TryParse(id, out var noticeId))
        {
            return NotFound();
        }
        await write.DeleteAsync(noticeId, cancellationToken);
        TempData["Flash"] = "NoticeEdit.Deleted";
        return Redirect("/admin/notices");
    }

    /// <summary>After a refused change: what was typed, or after a refused upload (which posts no text) the notice as saved.</summary>
    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        var id = RouteData.Values["id"] as string;
        if (!int.TryParse(id, out var noticeId) || await db.Notices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == noticeId, cancellationToken) is not { } notice)
        {
            return Page();
        }
        if (Input.TitleKo.Length > 0)
        {
            return await LoadAsync(noticeId, cancellationToken);
        }
        Input = NoticeInput.From(notice);
        return await LoadAsync(noticeId, cancellationToken);
    }

    public string? FieldFor(DomainException broken) => broken.Code.StartsWith("upload.", StringComparison.Ordinal) || broken.Code == "notice.too-many-files" ? "file" : null;

    private async Task<IActionResult> LoadAsync(int noticeId, CancellationToken cancellationToken)
    {
        NoticeId = noticeId;
        Files = await db.NoticeAttachments.AsNoTracking().Where(a => a.NoticeId == noticeId).OrderBy(a => a.Id)
            .Select(a => new GetNotice.FileRow(a.Id, a.File.FileName, a.File.Length)).ToListAsync(cancellationToken);
        return Page();
    }
}
