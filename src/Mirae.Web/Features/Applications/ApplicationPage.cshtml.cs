using Mirae.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Calls;

namespace Mirae.Web.Features.Applications;

/// <summary>
/// An application: the organization's directory profile (filled once, reused), the call's questions, attachments, and
/// save / submit / withdraw. Members of the applying organization edit; program staff only read. Every handler
/// authorizes against the application's organization before it reads anything posted.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = ApplicationAttachment.MaxBytes + 1024 * 1024)]
[RequestSizeLimit(ApplicationAttachment.MaxBytes + 1024 * 1024)]
[ShowsPersonalData("application:{id}")]
public sealed class ApplicationPageModel(AppDbContext db, GetApplication get, ApplyToCall apply, IAuthorizationService authorization, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel, IRedisplayPage
{
    public GetApplication.Details Application { get; private set; } = null!;

    /// <summary>The answers shown: as saved, or as just posted when they were refused.</summary>
    public IReadOnlyDictionary<string, string> Answers { get; private set; } = new Dictionary<string, string>();

    public bool CanEdit { get; private set; }

    /// <summary>A member of the applying organization while the call is open, before screening.</summary>
    public bool CanWithdraw { get; private set; }

    /// <summary>The viewer is an approved member of the applying organization (not staff reading it).</summary>
    public bool IsMember { get; private set; }

    private IReadOnlyDictionary<string, string>? _posted;
    private string? _errorField;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, ApplicationOperations.View, cancellationToken) is { } denied)
        {
            return denied;
        }
        return await PageAsync(id, null, cancellationToken);
    }

    /// <summary>An attached file, always as a download; staff downloads are logged as personal-data access.</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, int attachmentId, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, ApplicationOperations.View, cancellationToken) is { } denied)
        {
            return denied;
        }
        var file = await db.Applications.AsNoTracking().Where(a => a.Id == id).SelectMany(a => a.Attachments).Where(x => x.Id == attachmentId)
            .Select(x => new { x.File.FileName, x.File.Type, x.File.Content.Bytes }).SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return NotFound();
        }
        return File(file.Bytes, FileTypes.ContentType(file.Type), file.FileName);
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, [FromForm] Dictionary<string, string[]>? answers, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, ApplicationOperations.Edit, cancellationToken) is { } denied)
        {
            return denied;
        }
        var posted = ApplyToCall.FromForm(answers);
        return await RunAsync(id, posted, async () =>
        {
            var problems = await apply.SaveDraftAsync(id, posted, cancellationToken);
            return (problems, "Application.Saved");
        }, cancellationToken);
    }

    /// <summary>The draft saved as the member types (htmx); answers the status line only.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(int id, [FromForm] Dictionary<string, string[]>? answers, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, ApplicationOperations.Edit, cancellationToken) is { } denied)
        {
            return denied;
        }
        try
        {
            var problems = await apply.SaveDraftAsync(id, ApplyToCall.FromForm(answers), cancellationToken);
            return Content(problems.Count == 0 ? text["Application.AutoSaved", Kst.DateTime(clock.GetUtcNow())] : text["Application.AutoSaveRefused"], "text/plain; charset=utf-8");
        }
        catch (DomainException e)
        {
            return Content(text[e.MessageKey], "text/plain; charset=utf-8");
        }
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, [FromForm] Dictionary<string, string[]>? answers, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, ApplicationOperations.Edit, cancellationToken) is { } denied)
        {
            return denied;
        }
        var posted = ApplyToCall.FromForm(answers);
        string? receipt = null;
        var result = await RunAsync(id, posted, async () =>
        {
            var submission = await apply.SubmitAsync(id, posted, User.UserId(), cancellationToken);
            receipt = submission.ReceiptNumber;
            return (submission.Problems, "Application.Submitted");
        }, cancellationToken);
        if (receipt is not null)
        {
            TempData["Receipt"] = receipt;
        }
        return result;
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, string fieldKey, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, ApplicationOperations.Edit, cancellationToken) is { } denied)
        {
            return denied;
        }
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(FileKey(fieldKey), text["Upload.Choose"]);
            return await PageAsync(id, null, cancellationToken);
        }
        _errorField = FileKey(fieldKey);
        await using var stream = file.OpenReadStream();
        return await RunAsync(id, null, async () =>
        {
            await apply.UploadAsync(id, fieldKey, file.FileName, file.Length, stream, User.UserId(), cancellationToken);
            return ([], "Application.Uploaded");
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int attachmentId, CancellationToken cancellationToken) =>
        await AuthorizeAsync(id, ApplicationOperations.Edit, cancellationToken) ?? await RunAsync(id, null, async () =>
        {
            await apply.RemoveAttachmentAsync(id, attachmentId, cancellationToken);
            return ([], "Application.Removed");
        }, cancellationToken);

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken) =>
        await AuthorizeAsync(id, ApplicationOperations.Edit, cancellationToken) ?? await RunAsync(id, null, async () =>
        {
            await apply.WithdrawAsync(id, cancellationToken);
            return ([], "Application.Withdrawn");
        }, cancellationToken);

    public static string AnswerKey(string fieldKey) => $"answers[{fieldKey}]";

    public static string FileKey(string fieldKey) => $"files[{fieldKey}]";

    /// <summary>
    /// Runs a change. Problems with answers and files become messages beside them, with the posted answers shown again;
    /// a broken rule of the call's state is shown by <see cref="PageFailureFilter"/>; nothing of a refused change is
    /// kept, and success redirects with a flash message.
    /// </summary>
    private async Task<IActionResult> RunAsync(int id, IReadOnlyDictionary<string, string>? posted,
        Func<Task<(IReadOnlyList<AnswerCheck.Problem> Problems, string Flash)>> change, CancellationToken cancellationToken)
    {
        _posted = posted;
        var (problems, flash) = await change();
        if (problems.Count == 0)
        {
            TempData["Flash"] = flash;
            return RedirectToPage(new { id });
        }
        var page = await PageAsync(id, posted, cancellationToken);
        var fileSlots = ApplicationForm.FileSlots(Application.Call.Form, Application.Call.RequiredDocuments).Select(slot => slot.Key).ToHashSet();
        foreach (var problem in problems)
        {
            ModelState.AddModelError(fileSlots.Contains(problem.FieldKey) ? FileKey(problem.FieldKey) : AnswerKey(problem.FieldKey),
                text[problem.MessageKey, problem.Arguments]);
        }
        return page;
    }

    public Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken) => PageAsync(this.RouteId(), _posted, cancellationToken);

    public string? FieldFor(DomainException broken) => _errorField;

    /// <summary>Loads what the page shows; <paramref name="posted"/> answers, when refused, are shown instead of the saved ones.</summary>
    private async Task<IActionResult> PageAsync(int id, IReadOnlyDictionary<string, string>? posted, CancellationToken cancellationToken)
    {
        Application = await get.HandleAsync(id, cancellationToken) ?? throw new NotFoundException("application");
        Answers = posted ?? Application.Answers;
        // The error summary names each question and file slot and links to it (issue 17.13).
        ViewData["ErrorFields"] = Application.Call.Form.SelectMany(s => s.Fields).Where(f => f.Type != FieldType.File)
            .Select(f => (Key: AnswerKey(f.Key), Label: Language.Pick(f.LabelKo, f.LabelEn), Id: "answer-" + f.Key))
            .Concat(ApplicationForm.FileSlots(Application.Call.Form, Application.Call.RequiredDocuments)
                .Select(slot => (Key: FileKey(slot.Key), Label: Language.Pick(slot.LabelKo, slot.LabelEn), Id: "slot-" + slot.Key)))
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => (g.First().Label, g.First().Id)) as IReadOnlyDictionary<string, (string, string)>;
        var now = clock.GetUtcNow();
        CanEdit = IsMember && Application.CanChange(now);
        CanWithdraw = IsMember && Application.CallOpen && Application.Status is ApplicationStatus.Draft or ApplicationStatus.Submitted or ApplicationStatus.Returned;
        return Page();
    }

    /// <summary>
    /// Authorizes against the application's organization with one light query; the page's data is loaded only to render
    /// (autosave posts on every change).
    /// </summary>
    private async Task<IActionResult?> AuthorizeAsync(int id, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation,
        CancellationToken cancellationToken)
    {
        var access = await ApplicationAccess.CheckAsync(db, authorization, HttpContext, id, operation, cancellationToken);
        IsMember = access.IsMember;
        return access.Refused;
    }

}
