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
using Mirae.Web.Features.Applications;

namespace Mirae.Web.Features.Calls;

/// <summary>Program staff change a draft call, publish it, extend its deadline with a reason, or close it.</summary>
[Authorize(Policy = AdministrationPolicies.ProgramStaff)]
[RequestFormLimits(MultipartBodyLengthLimit = CallTemplate.MaxBytes + 1024 * 1024)]
[RequestSizeLimit(CallTemplate.MaxBytes + 1024 * 1024)]
public sealed class EditCallModel(AppDbContext db, GetCall get, SaveCall save, ChangeCallStatus status, SetCallTemplate templates,
    IStringLocalizer<SharedResource> text) : PageModel, IRedisplayPage
{
    public sealed class ExtensionInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "CallForm.NewClosesAt")]
        [SensibleDate]
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
    private bool _keepInput;
    private string? _errorField;
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
        _keepInput = true;
        if (Input.ToTerms(ModelState, nameof(Input), text) is not { } terms)
        {
            return await RedisplayAsync(cancellationToken);
        }
        await save.HandleAsync(id, Input.ProgramId!.Value, terms, cancellationToken);
        return Done("CallForm.Saved", id);
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        await status.PublishAsync(id, cancellationToken);
        return Done("CallForm.Published", id);
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        await status.CloseAsync(id, cancellationToken);
        return Done("CallForm.Closed", id);
    }

    public async Task<IActionResult> OnPostExtendAsync(int id, [Bind(Prefix = nameof(Extension))] ExtensionInput extension, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Extension = extension;
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(cancellationToken);
        }
        ModelState.Clear();
        await status.ExtendAsync(id, CallForm.FromKst(Extension.NewClosesAt!.Value), Extension.Reason!, User.UserId(), cancellationToken);
        return Done("CallForm.Extended", id);
    }

    /// <summary>Uploads the template of a required document; a refused file is explained beside it and nothing changes.</summary>
    public async Task<IActionResult> OnPostTemplateAsync(int id, int documentIndex, IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        _errorField = $"template-{documentIndex}";
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(_errorField, text["Upload.Choose"]);
            return await RedisplayAsync(cancellationToken);
        }
        await using (var stream = file.OpenReadStream())
        {
            await templates.HandleAsync(id, documentIndex, file.FileName, file.Length, stream, cancellationToken);
        }
        return Done("CallForm.TemplateSaved", id);
    }

    /// <summary>The page again: the call form keeps what was typed only when it was the one posted.</summary>
    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(this.RouteId(), cancellationToken))
        {
            return NotFound();
        }
        if (!_keepInput)
        {
            Input = CallForm.From(Call);
        }
        return Page();
    }

    public string? FieldFor(DomainException broken) => _errorField;

    /// <summary>Post/redirect/get after a change that was saved.</summary>
    private RedirectToPageResult Done(string flash, int id)
    {
        TempData["Flash"] = flash;
        return RedirectToPage(new { id });
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
