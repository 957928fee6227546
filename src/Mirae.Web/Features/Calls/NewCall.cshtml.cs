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

/// <summary>Program staff draft a call; it stays a draft, invisible to the public, until published.</summary>
[Authorize(Policy = AdministrationPolicies.ProgramStaff)]
public sealed class NewCallModel(AppDbContext db, SaveCall save, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel, IRedisplayPage
{
    [BindProperty]
    public CallForm Input { get; set; } = new();

    public IReadOnlyList<SupportProgram> Programs { get; private set; } = [];

    public async Task OnGetAsync(int? programId, CancellationToken cancellationToken)
    {
        // Sensible defaults: this year, open from tomorrow 09:00 for four weeks until 18:00 KST.
        var today = clock.GetUtcNow().ToKst().Date;
        Input = new CallForm { ProgramId = programId, Year = today.Year, OpensAt = today.AddDays(1).AddHours(9), ClosesAt = today.AddDays(29).AddHours(18), ExpectedAwards = 1 };
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.ToTerms(ModelState, nameof(Input), text) is not { } terms)
        {
            return await RedisplayAsync(cancellationToken);
        }
        int id;
        try
        {
            id = await save.HandleAsync(null, Input.ProgramId!.Value, terms, cancellationToken);
        }
        catch (NotFoundException)
        {
            // The program chosen in the form is gone: a field error, not the 404 page.
            throw new DomainException("program.not-found", "CallForm.ChooseProgram", ProblemKind.NotFound, $"{nameof(Input)}.{nameof(CallForm.ProgramId)}");
        }
        TempData["Flash"] = "CallForm.Saved";
        return RedirectToPage("/Calls/EditCall", new { id });
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Programs = await db.Programs.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
}
