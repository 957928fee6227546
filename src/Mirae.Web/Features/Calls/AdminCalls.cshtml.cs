using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Administration;
using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Applications;

namespace Mirae.Web.Features.Calls;

/// <summary>Program staff see every call, drafts included, and add programs.</summary>
[Authorize(Policy = AdministrationPolicies.ProgramStaff)]
public sealed class AdminCallsModel(ListCalls list, SaveCall save, AppDbContext db) : PageModel, IRedisplayPage
{
    public sealed class ProgramInput
    {
        public ProgramKind Kind { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Program.NameKo")]
        public string? NameKo { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Program.NameEn")]
        public string? NameEn { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Program.DescriptionKo")]
        public string? DescriptionKo { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Program.DescriptionEn")]
        public string? DescriptionEn { get; set; }
    }

    [BindProperty]
    public ProgramInput Program { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    public PagedList<ListCalls.Row> Calls { get; private set; } = null!;
    public IReadOnlyList<SupportProgram> Programs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostProgramAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(cancellationToken);
        }
        await save.CreateProgramAsync(new SaveCall.ProgramCommand(Program.Kind, Program.NameKo!, Program.NameEn!, Program.DescriptionKo ?? "",
            Program.DescriptionEn ?? ""), cancellationToken);
        TempData["Flash"] = "Program.Created";
        return RedirectToPage();
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Clamp(PageNumber, 20);
        Calls = await list.HandleAsync(null, includeDrafts: true, page, size, cancellationToken);
        Programs = await db.Programs.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
    }
}
