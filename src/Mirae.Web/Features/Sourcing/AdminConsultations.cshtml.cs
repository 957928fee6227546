using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Data;
using Mirae.Web.Features.Administration;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Sourcing;

/// <summary>Program staff schedule pre-consultation sessions per item.</summary>
[Authorize(Policy = AdministrationPolicies.ProgramStaff)]
public sealed class AdminConsultationsModel(ScheduleSession schedule, ListSessions sessions, AppDbContext db, IStringLocalizer<SharedResource> text) : PageModel, IRedisplayPage
{
    public sealed class SessionForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Needs.Material")]
        public int? MaterialId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Session.Title")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Session.StartsAt")]
        [SensibleDate]
        public DateTime? StartsAt { get; set; }

        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Session.Place")]
        public string? Place { get; set; }

        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Session.VideoLink")]
        public string? VideoLink { get; set; }

        [Range(10, 240, ErrorMessage = "Session.Invalid")]
        [Display(Name = "Session.SlotMinutes")]
        public int SlotMinutes { get; set; } = 30;

        [Range(1, ConsultationSession.MaxSlots, ErrorMessage = "Session.Invalid")]
        [Display(Name = "Session.SlotCount")]
        public int Slots { get; set; } = 6;
    }

    [BindProperty]
    public SessionForm Input { get; set; } = new();

    public IReadOnlyList<ListSessions.SessionRow> Sessions { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> Materials { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(cancellationToken);
        }
        var startsAt = new DateTimeOffset(Input.StartsAt!.Value, Kst.Offset);
        var id = await schedule.HandleAsync(Input.MaterialId!.Value, Input.Title!, Input.Place ?? "", Input.VideoLink, startsAt, Input.SlotMinutes, Input.Slots,
            cancellationToken);
        TempData["Flash"] = text["Session.Scheduled"].Value;
        return Redirect($"/consultations/{id}");
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public string? FieldFor(DomainException broken) => broken.Code == "session.in-past" ? "Input.StartsAt" : null;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Sessions = await sessions.ListAsync(cancellationToken);
        Materials = await db.MaterialOptionsAsync(cancellationToken);
    }
}
