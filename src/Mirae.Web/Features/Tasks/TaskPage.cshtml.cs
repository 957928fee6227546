using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Tasks;

/// <summary>
/// One funded task: the plan (period, budget by category, tranches, obligations), researchers, the agreement in versions
/// (issue, accept with the password, PDF) and payments. What a reader may do follows <see cref="TaskOperations"/>.
/// </summary>
[Authorize]
[ShowsPersonalData("task:{id}")]
public sealed class TaskPageModel(ReadTasks read, PlanTask plan, ChangeResearchers researchers, ChangeTask changes, IAuthorizationService authorization, SignInGuard guard,
    UserManager<AppUser> users, IStringLocalizer<SharedResource> text, IWebHostEnvironment environment) : PageModel, IRedisplayPage
{
    public ReadTasks.Details Task { get; private set; } = null!;
    public bool CanPlan { get; private set; }
    public bool CanAccept { get; private set; }
    public bool CanManage { get; private set; }

    [BindProperty(Name = "Plan")]
    public PlanForm Plan { get; set; } = new();

    [BindProperty(Name = "Researcher")]
    public ResearcherForm Researcher { get; set; } = new();

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Why the company asks for a change, or why staff reject one.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    public sealed class PlanForm
    {
        public int Version { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        // By index (the category's, the tranche's): a dictionary binds whatever indices the form posts, with gaps.
        public Dictionary<int, long?> Grant { get; set; } = [];
        public Dictionary<int, long?> OwnCash { get; set; } = [];
        public Dictionary<int, long?> OwnInKind { get; set; } = [];
        public Dictionary<int, long?> Installment { get; set; } = [];
        public Dictionary<int, InstallmentCondition> Condition { get; set; } = [];
        public string? Obligations { get; set; }
        public string? Goal { get; set; }
    }

    public sealed class ResearcherForm
    {
        public string? ResearcherNumber { get; set; }
        public string? Name { get; set; }
        public ResearcherRole Role { get; set; } = ResearcherRole.Participant;
        public string? FromMonth { get; set; }
        public string? ToMonth { get; set; }
        public int? RatePercent { get; set; }
        public string? AffiliationNumber { get; set; }
    }

    public static readonly IReadOnlyList<ExpenseCategory> Categories = Enum.GetValues<ExpenseCategory>();
    public const int MaxTranches = 4;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(id, TaskOperations.View) is { } refused)
        {
            return refused;
        }
        await LoadAsync(id, fill: true, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync(int id, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(id, TaskOperations.Plan) is { } refused)
        {
            return refused;
        }
        await LoadAsync(id, fill: false, cancellationToken);
        if (Plan.StartsOn is not { } startsOn || Plan.EndsOn is not { } endsOn)
        {
            ModelState.AddModelError(Plan.StartsOn is null ? "Plan.StartsOn" : "Plan.EndsOn", text["Task.PeriodInvalid", TaskRules.MaxMonths]);
            return Page();
        }
        var budget = Categories.Select((c, i) => new BudgetLine(c, Plan.Grant.GetValueOrDefault(i) ?? 0, Plan.OwnCash.GetValueOrDefault(i) ?? 0,
            Plan.OwnInKind.GetValueOrDefault(i) ?? 0)).Where(l => l.Total != 0).ToList();
        // Tranches and obligations are the city's terms: staff set them; a member's plan keeps them as they are.
        var tranches = CanManage
            ? Enumerable.Range(0, MaxTranches).Select(i => (Amount: Plan.Installment.GetValueOrDefault(i) ?? 0, Condition: Plan.Condition.GetValueOrDefault(i)))
                .Where(t => t.Amount != 0).ToList()
            : [.. Task.Installments.Select(i => (i.Amount, i.Condition))];
        var obligations = CanManage ? Plan.Obligations ?? "" : Task.Obligations;
        try
        {
            await plan.PlanAsync(id, Plan.Version, new PlanTask.Plan(startsOn, endsOn, budget, tranches, obligations, Plan.Goal), cancellationToken);
        }
        catch (TaskPlanException broken)
        {
            foreach (var problem in broken.Problems)
            {
                ModelState.AddModelError(FieldOf(problem.Field), text[problem.MessageKey, problem.Arguments]);
            }
            return Page();
        }
        TempData["Flash"] = "Task.Planned";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAddResearcherAsync(int id, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(id, TaskOperations.Plan) is { } refused)
        {
            return refused;
        }
        if (Month(Researcher.FromMonth) is not { } from || Month(Researcher.ToMonth) is not { } to || Researcher.RatePercent is not { } rate)
        {
            await LoadAsync(id, fill: false, cancellationToken);
            ModelState.AddModelError(Month(Researcher.FromMonth) is null ? "Researcher.FromMonth" : Month(Researcher.ToMonth) is null ? "Researcher.ToMonth" : "Researcher.RatePercent",
                text["Researcher.Incomplete"]);
            return Page();
        }
        var input = new ChangeResearchers.Input(Researcher.ResearcherNumber ?? "", Researcher.Name ?? "", Researcher.Role, from, to, rate, Researcher.AffiliationNumber);
        if (await RunningAsync(id, cancellationToken))
        {
            // After the agreement a researcher joins by an agreement change, filed by the company's own member.
            if (await AllowedAsync(id, TaskOperations.Accept) is { } notMember)
            {
                return notMember;
            }
            var filed = await changes.RequestResearcherAsync(id, input, null, Reason ?? "", User.UserId(), cancellationToken);
            TempData["Flash"] = filed.Kind == ChangeKind.Notification ? "ChangeRequest.Applied" : "ChangeRequest.Filed";
            return RedirectToPage(new { id });
        }
        await researchers.AddAsync(id, input, cancellationToken);
        TempData["Flash"] = "Researcher.Added";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveResearcherAsync(int id, int researcherId, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(id, TaskOperations.Plan) is { } refused)
        {
            return refused;
        }
        if (await RunningAsync(id, cancellationToken))
        {
            if (await AllowedAsync(id, TaskOperations.Accept) is { } notMember)
            {
                return notMember;
            }
            var filed = await changes.RequestResearcherAsync(id, null, researcherId, Reason ?? "", User.UserId(), cancellationToken);
            TempData["Flash"] = filed.Kind == ChangeKind.Notification ? "ChangeRequest.Applied" : "ChangeRequest.Filed";
            return RedirectToPage(new { id });
        }
        await researchers.RemoveAsync(id, researcherId, cancellationToken);
        TempData["Flash"] = "Researcher.Removed";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostIssueAsync(int id, int version, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(id, TaskOperations.Manage) is { } refused)
        {
            return refused;
        }
        try
        {
            await plan.IssueAsync(id, version, User.UserId(), cancellationToken);
        }
        catch (TaskPlanException broken)
        {
            await LoadAsync(id, fill: true, cancellationToken);
            foreach (var problem in broken.Problems)
            {
                ModelState.AddModelError(FieldOf(problem.Field), text[problem.MessageKey, problem.Arguments]);
            }
            return Page();
        }
        TempData["Flash"] = "Task.Issued";
        return RedirectToPage(new { id });
    }

    /// <summary>A member accepts the pending agreement after typing their password again (counted like a sign-in).</summary>
    [ErrorsOn("Password")]
    public async Task<IActionResult> OnPostAcceptAsync(int id, int number, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(id, TaskOperations.Accept) is { } refused)
        {
            return refused;
        }
        var user = await users.GetUserAsync(User);
        var email = user?.Email ?? "";
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (await guard.WaitAsync(email, address, cancellationToken) is { } wait)
        {
            throw new DomainException("task.password-wait", "SignIn.Wait", ProblemKind.Invalid, "Password", [(int)Math.Ceiling(wait.TotalSeconds)]);
        }
        if (string.IsNullOrEmpty(Password) || !await guard.CheckPasswordAsync(user, Password))
        {
            await guard.FailedAsync(email, address, cancellationToken);
            throw new DomainException("task.password-wrong", "Task.PasswordWrong", ProblemKind.Invalid, "Password");
        }
        await guard.SucceededAsync(email, address, cancellationToken);
        await plan.AcceptAsync(id, number, User.UserId(), cancellationToken);
        TempData["Flash"] = "Task.Accepted";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostInterimAsync(int id, int version, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(id, TaskOperations.Manage) is { } refused)
        {
            return refused;
        }
        await plan.AcceptInterimAsync(id, version, cancellationToken);
        TempData["Flash"] = "Task.InterimRecorded";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPayAsync(int id, int version, int sequence, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(id, TaskOperations.Manage) is { } refused)
        {
            return refused;
        }
        await plan.PayAsync(id, version, sequence, User.UserId(), cancellationToken);
        TempData["Flash"] = "Task.Paid";
        return RedirectToPage(new { id });
    }

    /// <summary>A member files a change of the agreement in force: the period's end and the budget by category, with a reason.</summary>
    public async Task<IActionResult> OnPostRequestChangeAsync(int id, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(id, TaskOperations.Accept) is { } refused)
        {
            return refused;
        }
        await LoadAsync(id, fill: false, cancellationToken);
        if (Plan.EndsOn is not { } endsOn)
        {
            ModelState.AddModelError("Plan.EndsOn", text["Task.PeriodInvalid", TaskRules.MaxMonths]);
            return Page();
        }
        var budget = Categories.Select((c, i) => new BudgetLine(c, Plan.Grant.GetValueOrDefault(i) ?? 0, Plan.OwnCash.GetValueOrDefault(i) ?? 0,
            Plan.OwnInKind.GetValueOrDefault(i) ?? 0)).Where(l => l.Total != 0).ToList();
        ChangeRequest filed;
        try
        {
            filed = await changes.RequestAsync(id, Task.Task.StartsOn, endsOn, budget, Reason ?? "", User.UserId(), cancellationToken, Plan.Goal);
        }
        catch (TaskPlanException broken)
        {
            foreach (var problem in broken.Problems)
            {
                ModelState.AddModelError(FieldOf(problem.Field), text[problem.MessageKey, problem.Arguments]);
            }
            return Page();
        }
        TempData["Flash"] = filed.Kind == ChangeKind.Notification ? "ChangeRequest.Applied" : "ChangeRequest.Filed";
        return RedirectToPage(new { id });
    }

    [ErrorsOn("Reason")]
    public async Task<IActionResult> OnPostDecideAsync(int id, int requestId, bool approve, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(id, TaskOperations.Manage) is { } refused)
        {
            return refused;
        }
        await changes.DecideAsync(id, requestId, approve, Reason, User.UserId(), cancellationToken);
        TempData["Flash"] = approve ? "ChangeRequest.Approved" : "ChangeRequest.Rejected";
        return RedirectToPage(new { id });
    }

    /// <summary>An agreement version as a PDF (NanumGothic embedded), always as a download.</summary>
    public async Task<IActionResult> OnGetPdfAsync(int id, int number, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(id, TaskOperations.View) is { } refused)
        {
            return refused;
        }
        var details = await read.DetailsAsync(id, cancellationToken);
        if (details?.Agreements.SingleOrDefault(a => a.Number == number) is not { } agreement)
        {
            return NotFound();
        }
        var pdf = AgreementPaper.Pdf(details, agreement, text, Path.Combine(environment.WebRootPath, "lib", "fonts"));
        return File(pdf, "application/pdf", $"agreement-{details.Task.Number}-v{number}.pdf");
    }

    public async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(int.Parse((string)RouteData.Values["id"]!, CultureInfo.InvariantCulture), fill: false, cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> AllowedAsync(int id, OperationAuthorizationRequirement operation)
    {
        var access = await TaskAccess.CheckAsync(read, authorization, HttpContext, id, operation);
        (CanPlan, CanAccept, CanManage) = (access.CanPlan, access.CanAccept, access.CanManage);
        return access.Refused;
    }

    private async Task<bool> RunningAsync(int id, CancellationToken cancellationToken) =>
        (await read.DetailsAsync(id, cancellationToken))?.Task.Status == FundedTaskStatus.InProgress;

    private async Task LoadAsync(int id, bool fill, CancellationToken cancellationToken)
    {
        Task = await read.DetailsAsync(id, cancellationToken) ?? throw new NotFoundException("task");
        if (!fill)
        {
            return;
        }
        Plan = new PlanForm { Version = Task.Version, StartsOn = Task.Task.StartsOn, EndsOn = Task.Task.EndsOn, Obligations = Task.Obligations, Goal = Task.Goal };
        foreach (var line in Task.Budget)
        {
            var i = (int)line.Category;
            (Plan.Grant[i], Plan.OwnCash[i], Plan.OwnInKind[i]) = (line.Grant, line.OwnCash, line.OwnInKind);
        }
        foreach (var (tranche, i) in Task.Installments.Take(MaxTranches).Select((t, i) => (t, i)))
        {
            (Plan.Installment[i], Plan.Condition[i]) = (tranche.Amount, tranche.Condition);
        }
    }

    /// <summary>The form field of a plan problem: a category's grant input, or the field itself.</summary>
    private static string FieldOf(string field) => field.StartsWith("Budget.", StringComparison.Ordinal)
        ? $"Plan.Grant[{(int)Enum.Parse<ExpenseCategory>(field["Budget.".Length..])}]"
        : field == "Budget" ? "Plan.Grant[0]" : field == "Installments" ? "Plan.Installment[0]" : "Plan." + field;

    private static DateOnly? Month(string? value) =>
        DateOnly.TryParseExact((value ?? "") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;
}
