using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Notices;

/// <summary>One notice and its files; public once published, and a preview for program staff before that.</summary>
[AllowAnonymous]
public sealed class DetailsModel(AppDbContext db, GetNotice get, ReadLedger ledger, TimeProvider clock) : PageModel
{
    public GetNotice.Details Notice { get; private set; } = null!;
    public bool Scheduled { get; private set; }
    /// <summary>The notice's entries in the public log (each published version, each attached file), newest first.</summary>
    public IReadOnlyList<ReadLedger.Entry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var notice = await get.HandleAsync(id, Language.IsEnglish, User.IsProgramStaff(), cancellationToken);
        if (notice is null)
        {
            return NotFound();
        }
        Notice = notice;
        Scheduled = notice.PublishedAt > clock.GetUtcNow();
        Entries = await ledger.ForSubjectAsync($"notice:{id}", cancellationToken);
        return Page();
    }

    /// <summary>An attached file of a notice the reader may see, always as a download (never rendered in the site).</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, int attachmentId, CancellationToken cancellationToken)
    {
        if (await get.HandleAsync(id, false, User.IsProgramStaff(), cancellationToken) is not { } notice
            || notice.Files?.Any(f => f.Id == attachmentId) != true)
        {
            return NotFound();
        }
        var file = await db.NoticeAttachments.AsNoTracking().Where(a => a.Id == attachmentId && a.NoticeId == id)
            .Select(a => new { a.File.FileName, a.File.Type, a.File.Content.Bytes }).SingleAsync(cancellationToken);
        return File(file.Bytes, FileTypes.ContentType(file.Type), file.FileName);
    }
}
