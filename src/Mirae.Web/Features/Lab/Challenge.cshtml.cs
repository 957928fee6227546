using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Lab;

/// <summary>A challenge: its phases, its problems (by stage and district), and the form to raise a problem while it is proposing.</summary>
[AllowAnonymous]
[RequestFormLimits(MultipartBodyLengthLimit = LabPhotos.MaxCount * LabPhotos.MaxBytes + 1024 * 1024)]
[RequestSizeLimit(LabPhotos.MaxCount * LabPhotos.MaxBytes + 1024 * 1024)]
public sealed class ChallengeModel(ReadLab read, Participate participate, AppDbContext db, TimeProvider clock) : PageModel, IRedisplayPage
{
    public sealed class PostForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(LabProblem.MaxTitle, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Lab.Post.Title")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(LabProblem.MaxDescription, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Lab.Post.Description")]
        public string Description { get; set; } = "";

        public ProblemCategory Category { get; set; } = ProblemCategory.TrafficSafety;

        public District District { get; set; } = District.JungGu;
    }

    [BindProperty(SupportsGet = true)]
    public ProblemStage? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public District? InDistrict { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    [BindProperty(Name = "Post")]
    public PostForm Post { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    public ReadLab.ChallengeRow Space { get; private set; } = null!;
    public IReadOnlyList<ReadLab.ProblemRow> Problems { get; private set; } = [];
    public PagerModel Pager { get; private set; } = null!;
    /// <summary>Why the viewer cannot post now (a resource key), or null when they can.</summary>
    public string? CannotPost { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (User.ViewerId() is null)
        {
            return Challenge();
        }
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(cancellationToken);
        }
        var photos = Photos.Where(p => p.Length > 0 || p.FileName.Length > 0).ToList();
        var streams = photos.Select(p => p.OpenReadStream()).ToList();
        try
        {
            var problemId = await participate.PostAsync(id, User.UserId(), new Participate.PostInput(Post.Title, Post.Description, Post.Category, Post.District),
                [.. photos.Select((p, i) => new LabPhotos.Upload(streams[i], p.Length, p.FileName))], cancellationToken);
            TempData["Flash"] = "Lab.Posted";
            return Redirect($"/lab/problems/{problemId}");
        }
        finally
        {
            streams.ForEach(s => s.Dispose());
        }
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(this.RouteId(), cancellationToken);
        return Page();
    }

    public string? FieldFor(DomainException broken) => broken.Code.StartsWith("upload.", StringComparison.Ordinal) ? "Photos" : null;

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await read.ChallengeAsync(id, cancellationToken) is not { } challenge)
        {
            return false;
        }
        Space = challenge;
        var (page, size) = Paging.Clamp(PageNumber, null);
        var found = (await read.PageAsync(id, Stage, InDistrict, page, size, cancellationToken)).Results;
        Problems = [.. found.Items.Select(r => r.Problem)];
        Pager = new PagerModel(page, found.PageCount, p => $"/lab/challenges/{id}?Stage={Stage}&InDistrict={InDistrict}&pageNumber={p}");
        CannotPost = await CannotPostAsync(id, cancellationToken);
        return true;
    }

    private async Task<string?> CannotPostAsync(int id, CancellationToken cancellationToken)
    {
        if (User.ViewerId() is not { } userId)
        {
            return "Lab.SignInToPost";
        }
        try
        {
            var challenge = await db.Challenges.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
            await participate.MayActAsync(challenge, userId, LabAction.Post, cancellationToken);
            return null;
        }
        catch (DomainException refused)
        {
            return refused.MessageKey;
        }
    }

    public DateTimeOffset Now => clock.GetUtcNow();
}
