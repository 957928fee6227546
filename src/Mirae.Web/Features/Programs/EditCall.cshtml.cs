using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Administration;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Programs;

/// <summary>Program staff change a draft call, publish it, extend its deadline with a reason, or close it.</summary>
[Authorize(Policy = AdministrationPolicies.ProgramStaff)]
[RequestFormLimits(MultipartBodyLengthLimit = CallTemplate.MaxBytes + 1024 * 1024)]
[RequestSizeLimit(CallTemplate.MaxBytes + 1024 * 1024)]
public sealed class EditCallModel(AppDbContext db, GetCall get, SaveCall save, ChangeCallStatus status, SetCallTemplate templates,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed class ExtensionInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "CallForm.NewClosesAt")]
        public DateTime? NewClosesAt { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "CallForm.ExtensionReason")]
        public string? Reason { get; set; }
    }

    // Two forms on one page: each handler binds only its own (a [BindProperty] would also validate the other one).
    public CallForm Input { get; private set; } = new();
    public ExtensionInput Extension { get; private set; } = new();

    public GetCall.Details Call { get; private set; } = null!;
    public IReadOnlyList<SupportProgram> Programs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Input = CallForm.From(Call);
        Extension.NewClosesAt = Call.ClosesAt.ToKst().DateTime.AddDays(7);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [Bind(Prefix = nameof(Input))] CallForm input, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Input = input;
        if (Input.ToTerms(ModelState, nameof(Input), text) is { } terms)
        {
            if (await TryAsync(() => save.HandleAsync(id, Input.ProgramId!.Value, terms, cancellationToken)))
            {
                TempData["Flash"] = "CallForm.Saved";
                return RedirectToPage(new { id });
            }
        }
        return await RedisplayAsync(id, keepInput: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken) =>
        !await ExistsAsync(id, cancellationToken) ? NotFound()
            : await TransitionAsync(id, () => status.PublishAsync(id, cancellationToken), "CallForm.Published", cancellationToken);

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken) =>
        !await ExistsAsync(id, cancellationToken) ? NotFound()
            : await TransitionAsync(id, () => status.CloseAsync(id, cancellationToken), "CallForm.Closed", cancellationToken);

    public async Task<IActionResult> OnPostExtendAsync(int id, [Bind(Prefix = nameof(Extension))] ExtensionInput extension, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Extension = extension;
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(id, keepInput: false, cancellationToken);
        }
        return await TransitionAsync(id,
            () => status.ExtendAsync(id, CallForm.FromKst(Extension.NewClosesAt!.Value), Extension.Reason!, User.UserId(), cancellationToken),
            "CallForm.Extended", cancellationToken);
    }

    /// <summary>Uploads the template of a required document; a refused file is explained beside it and nothing changes.</summary>
    public async Task<IActionResult> OnPostTemplateAsync(int id, int documentIndex, IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError($"template-{documentIndex}", text["Upload.Choose"]);
            return await RedisplayAsync(id, keepInput: false, cancellationToken);
        }
        try
        {
            await using var stream = file.OpenReadStream();
            await templates.HandleAsync(id, documentIndex, file.FileName, file.Length, stream, cancellationToken);
            TempData["Flash"] = "CallForm.TemplateSaved";
            return RedirectToPage(new { id });
        }
        catch (DomainException e)
        {
            ModelState.AddModelError($"template-{documentIndex}", text[e.MessageKey, file.FileName, CallTemplate.MaxBytes / (1024 * 1024)]);
            db.ChangeTracker.Clear();
            return await RedisplayAsync(id, keepInput: false, cancellationToken);
        }
    }

    private async Task<IActionResult> TransitionAsync(int id, Func<Task> change, string flash, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await TryAsync(change))
        {
            TempData["Flash"] = flash;
            return RedirectToPage(new { id });
        }
        return await RedisplayAsync(id, keepInput: false, cancellationToken);
    }

    /// <summary>Runs a change; a broken rule becomes a message on the page, and nothing of it is kept.</summary>
    private async Task<bool> TryAsync(Func<Task> change)
    {
        try
        {
            await change();
            return true;
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", text[e.MessageKey]);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<IActionResult> RedisplayAsync(int id, bool keepInput, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!keepInput)
        {
            Input = CallForm.From(Call);
        }
        return Page();
    }

    private Task<bool> ExistsAsync(int id, CancellationToken cancellationToken) => db.Calls.AnyAsync(c => c.Id == id, cancellationToken);

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await get.HandleAsync(id, includeDrafts: true, cancellationToken) is not { } call)
        {
            return false;
        }
        Call = call;
        Programs = await db.Programs.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return true;
    }
}
