using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Applications;

namespace Mirae.Web.Features.Calls;

public enum ProgramKind
{
    Localization,
    PlanningConsulting,
    NewGrowthRnd,
    Commercialization,
    NationalMatching,
    CitizenIdea,
}

/// <summary>A support program (지원사업) the city runs year after year, one <see cref="Call"/> at a time.</summary>
public sealed class SupportProgram
{
    public int Id { get; private set; }
    public ProgramKind Kind { get; private set; }
    public string NameKo { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public string DescriptionKo { get; private set; } = "";
    public string DescriptionEn { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    private SupportProgram()
    {
    }

    public static SupportProgram Create(ProgramKind kind, string nameKo, string nameEn, string descriptionKo, string descriptionEn, DateTimeOffset now) =>
        new() { Kind = kind, NameKo = nameKo.Trim(), NameEn = nameEn.Trim(), DescriptionKo = descriptionKo.Trim(), DescriptionEn = descriptionEn.Trim(), CreatedAt = now };
}

public enum CallStatus
{
    Draft,
    Published,
    Closed,
}

/// <summary>Who may apply to a call; every rule left empty allows everyone.</summary>
public sealed record Eligibility(
    IReadOnlyList<OrganizationKind> Kinds,
    IReadOnlyList<string> Regions,
    int? MaxYearsSinceFounding,
    int? MinEmployees,
    int? MaxEmployees,
    bool NoUnfinishedTask)
{
    public static readonly Eligibility Anyone = new([], [], null, null, null, false);
}

/// <summary>
/// The funding ratios of a call (they change per program and year), in whole percent: the company's own share of the
/// total, the cash part of that share, indirect costs against direct costs, and research allowances against personnel.
/// </summary>
public sealed record FundingRules(int OwnShareMinPercent, int OwnCashMinPercentOfOwn, int IndirectMaxPercentOfDirect, int AllowanceMaxPercentOfPersonnel)
{
    /// <summary>The usual national ratios: own share ≥ 25 %, of which cash ≥ 10 %; indirect ≤ 10 % of direct; allowance ≤ 20 % of personnel.</summary>
    public static readonly FundingRules Default = new(25, 10, 10, 20);
}

/// <summary>A document every application must attach (사업계획서, 재무제표 …), optionally with a template to download.</summary>
public sealed record RequiredDocument(string NameKo, string NameEn);

/// <summary>One evaluation criterion of the call's rubric: its weight in the total and the most points it gives.</summary>
public sealed record Criterion(string NameKo, string NameEn, decimal Weight, int MaxPoints);

/// <summary>
/// One call (공모) of a program. Everything that changes from year to year is data here: the application window
/// (KST, enforced by the server), the budget and per-task cap, the number of awards, who is eligible, the documents,
/// and the rubric used in evaluation. A call is drafted, published, possibly extended (with a reason) and closed.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "The glossary's word (공모); nothing here is consumed from Visual Basic.")]
public sealed class Call
{
    public const decimal MaxAmount = 100_000_000_000_000m; // ₩100조: far above any call, low enough to catch typos
    public const int MaxTitle = 200;
    public const int MaxSummary = 4000;

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public SupportProgram Program { get; private set; } = null!;
    public int Year { get; private set; }
    public string TitleKo { get; private set; } = "";
    public string TitleEn { get; private set; } = "";
    public string SummaryKo { get; private set; } = "";
    public string SummaryEn { get; private set; } = "";
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    public decimal TotalBudget { get; private set; }
    public decimal PerTaskCap { get; private set; }
    public int ExpectedAwards { get; private set; }
    public Eligibility Eligibility { get; private set; } = Eligibility.Anyone;
    /// <summary>The ratios the funded tasks' budgets must keep (issue 20).</summary>
    public FundingRules Funding { get; private set; } = FundingRules.Default;
    /// <summary>The terms every funded task's agreement starts from (협약 조건 양식); empty: the platform's default terms.</summary>
    public string AgreementTemplate { get; private set; } = "";
    public IReadOnlyList<RequiredDocument> RequiredDocuments { get; private set; } = [];
    public IReadOnlyList<Criterion> Rubric { get; private set; } = [];
    public IReadOnlyList<FormSection> Form { get; private set; } = [];
    public CallStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    private readonly List<CallExtension> _extensions = [];
    public IReadOnlyList<CallExtension> Extensions => _extensions;

    private readonly List<CallTemplate> _templates = [];
    /// <summary>Template files applicants download for the required documents (at most one per document).</summary>
    public IReadOnlyList<CallTemplate> Templates => _templates;

    private Call()
    {
    }

    /// <summary>What staff enter for a call; checked by <see cref="Validate"/>.</summary>
    public sealed record Terms(
        int Year,
        string TitleKo,
        string TitleEn,
        string SummaryKo,
        string SummaryEn,
        DateTimeOffset OpensAt,
        DateTimeOffset ClosesAt,
        decimal TotalBudget,
        decimal PerTaskCap,
        int ExpectedAwards,
        Eligibility Eligibility,
        IReadOnlyList<RequiredDocument> RequiredDocuments,
        IReadOnlyList<Criterion> Rubric,
        IReadOnlyList<FormSection> Form,
        FundingRules? Funding = null,
        string? AgreementTemplate = null);

    public static Call Draft(SupportProgram program, Terms terms, DateTimeOffset now)
    {
        var call = new Call { Program = program, ProgramId = program.Id, Status = CallStatus.Draft, CreatedAt = now };
        call.Change(terms);
        return call;
    }

    /// <summary>Changes the terms of a draft; a published call changes only by <see cref="Extend"/>.</summary>
    public void Change(Terms terms)
    {
        if (Status != CallStatus.Draft)
        {
            throw new DomainException("call.not-draft", "Call.NotDraft");
        }
        Validate(terms);
        (Year, TitleKo, TitleEn, SummaryKo, SummaryEn) = (terms.Year, terms.TitleKo.Trim(), terms.TitleEn.Trim(), terms.SummaryKo.Trim(), terms.SummaryEn.Trim());
        (OpensAt, ClosesAt) = (terms.OpensAt.ToUniversalTime(), terms.ClosesAt.ToUniversalTime());
        (TotalBudget, PerTaskCap, ExpectedAwards) = (terms.TotalBudget, terms.PerTaskCap, terms.ExpectedAwards);
        (Eligibility, RequiredDocuments, Rubric, Form) = (terms.Eligibility, terms.RequiredDocuments.ToList(), terms.Rubric.ToList(), terms.Form.ToList());
        Funding = terms.Funding ?? FundingRules.Default;
        AgreementTemplate = terms.AgreementTemplate?.Trim() ?? "";
    }

    /// <summary>The rules a call's terms must follow; each broken rule is one (field, message key) pair.</summary>
    public static IReadOnlyList<(string Field, string MessageKey)> Check(Terms terms)
    {
        var errors = new List<(string, string)>();
        void Require(bool ok, string field, string key)
        {
            if (!ok)
            {
                errors.Add((field, key));
            }
        }
        Require(terms.Year is >= 2000 and <= 2100, nameof(Terms.Year), "Call.YearInvalid");
        Require(!string.IsNullOrWhiteSpace(terms.TitleKo) && terms.TitleKo.Trim().Length <= MaxTitle, nameof(Terms.TitleKo), "Call.TitleInvalid");
        Require(!string.IsNullOrWhiteSpace(terms.TitleEn) && terms.TitleEn.Trim().Length <= MaxTitle, nameof(Terms.TitleEn), "Call.TitleInvalid");
        Require(terms.SummaryKo.Trim().Length <= MaxSummary, nameof(Terms.SummaryKo), "Call.SummaryTooLong");
        Require(terms.SummaryEn.Trim().Length <= MaxSummary, nameof(Terms.SummaryEn), "Call.SummaryTooLong");
        Require(terms.ClosesAt > terms.OpensAt, nameof(Terms.ClosesAt), "Call.WindowInvalid");
        Require(terms.TotalBudget is > 0 and <= MaxAmount && IsWholeWon(terms.TotalBudget), nameof(Terms.TotalBudget), "Call.AmountInvalid");
        Require(terms.PerTaskCap > 0 && terms.PerTaskCap <= terms.TotalBudget && IsWholeWon(terms.PerTaskCap), nameof(Terms.PerTaskCap), "Call.CapInvalid");
        Require(terms.ExpectedAwards is >= 1 and <= 10_000, nameof(Terms.ExpectedAwards), "Call.AwardsInvalid");
        var e = terms.Eligibility;
        Require(e.MaxYearsSinceFounding is null or (>= 0 and <= 200), "MaxYearsSinceFounding", "Call.EligibilityInvalid");
        Require(e.MinEmployees is null or >= 0 && e.MaxEmployees is null or >= 0 && (e.MinEmployees is null || e.MaxEmployees is null || e.MinEmployees <= e.MaxEmployees),
            "MaxEmployees", "Call.EmployeesInvalid");
        Require(terms.RequiredDocuments.Count <= 20 && terms.RequiredDocuments.All(d => d.NameKo.Trim().Length is > 0 and <= 100 && d.NameEn.Trim().Length <= 100),
            nameof(Terms.RequiredDocuments), "Call.DocumentsInvalid");
        Require(terms.Rubric.Count <= 30 && terms.Rubric.All(c => c.NameKo.Trim().Length is > 0 and <= 100 && c.Weight is > 0 and <= 100 && c.MaxPoints is > 0 and <= 1000)
            && (terms.Rubric.Count == 0 || terms.Rubric.Sum(c => c.Weight) == 100), nameof(Terms.Rubric), "Call.RubricInvalid");
        Require(terms.Form.Sum(section => section.Fields.Count) <= ApplicationForm.MaxFields, nameof(Terms.Form), "Form.TooManyFields");
        var f = terms.Funding ?? FundingRules.Default;
        Require(f.OwnShareMinPercent is >= 0 and <= 90 && f.OwnCashMinPercentOfOwn is >= 0 and <= 100 && f.IndirectMaxPercentOfDirect is >= 0 and <= 100
            && f.AllowanceMaxPercentOfPersonnel is >= 0 and <= 100, "OwnShareMinPercent", "Call.FundingInvalid");
        Require((terms.AgreementTemplate ?? "").Trim().Length <= 4000, "AgreementTemplate", "Call.AgreementTemplateTooLong");
        return errors;
    }

    private static bool IsWholeWon(decimal amount) => decimal.Truncate(amount) == amount;

    private static void Validate(Terms terms)
    {
        if (Check(terms) is [var first, ..])
        {
            throw new DomainException("call.invalid", first.MessageKey, ProblemKind.Invalid);
        }
    }

    /// <summary>Opens the call to the public; applications are accepted from <see cref="OpensAt"/> to <see cref="ClosesAt"/>.</summary>
    public void Publish(DateTimeOffset now)
    {
        if (Status != CallStatus.Draft)
        {
            throw new DomainException("call.not-draft", "Call.NotDraft");
        }
        if (ClosesAt <= now)
        {
            throw new DomainException("call.deadline-past", "Call.DeadlinePast");
        }
        (Status, PublishedAt) = (CallStatus.Published, now);
    }

    /// <summary>Moves the deadline later, with a reason that is kept (and audited by the caller).</summary>
    public CallExtension Extend(DateTimeOffset newClosesAt, string reason, Guid staffId, DateTimeOffset now)
    {
        if (Status != CallStatus.Published)
        {
            throw new DomainException("call.not-published", "Call.NotPublished");
        }
        if (newClosesAt <= ClosesAt || newClosesAt <= now)
        {
            throw new DomainException("call.extension-not-later", "Call.ExtensionNotLater", ProblemKind.Invalid);
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
        {
            throw new DomainException("call.reason-required", "Call.ReasonRequired", ProblemKind.Invalid);
        }
        var extension = new CallExtension(ClosesAt, newClosesAt.ToUniversalTime(), reason.Trim(), staffId, now);
        _extensions.Add(extension);
        ClosesAt = extension.NewClosesAt;
        return extension;
    }

    /// <summary>Ends the call: no application can be submitted or changed any more, whatever the window says.</summary>
    public void Close(DateTimeOffset now)
    {
        if (Status != CallStatus.Published)
        {
            throw new DomainException("call.not-published", "Call.NotPublished");
        }
        (Status, ClosedAt) = (CallStatus.Closed, now);
    }

    /// <summary>Sets the template of the <paramref name="index"/>-th required document; returns the template it replaces, if any.</summary>
    public CallTemplate? SetTemplate(int index, StoredFile file, DateTimeOffset now)
    {
        if (Status == CallStatus.Closed)
        {
            throw new DomainException("call.closed", "Call.NotPublished");
        }
        if (index < 0 || index >= RequiredDocuments.Count)
        {
            throw new DomainException("call.no-such-document", "Call.NoSuchDocument", ProblemKind.Invalid);
        }
        var replaced = _templates.SingleOrDefault(t => t.DocumentIndex == index);
        if (replaced is not null)
        {
            _templates.Remove(replaced);
        }
        _templates.Add(new CallTemplate(index, file, now));
        return replaced;
    }

    /// <summary>
    /// Applications can be submitted: published, not closed, and inside the window. The deadline itself is the first
    /// instant that is too late ("18:00까지" accepts 17:59:59, not 18:00:00).
    /// </summary>
    public bool IsOpen(DateTimeOffset now) => CallWindow.IsOpen(Status, OpensAt, ClosesAt, now);
}

/// <summary>A deadline extension: from when to when, why, by whom.</summary>
public sealed class CallExtension
{
    public int Id { get; private set; }
    public int CallId { get; private set; }
    public DateTimeOffset PreviousClosesAt { get; private set; }
    public DateTimeOffset NewClosesAt { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid StaffId { get; private set; }
    public DateTimeOffset At { get; private set; }

    private CallExtension()
    {
    }

    internal CallExtension(DateTimeOffset previousClosesAt, DateTimeOffset newClosesAt, string reason, Guid staffId, DateTimeOffset at) =>
        (PreviousClosesAt, NewClosesAt, Reason, StaffId, At) = (previousClosesAt, newClosesAt, reason, staffId, at);
}

/// <summary>A template file for one required document of a call (서식), public with the call.</summary>
public sealed class CallTemplate
{
    public const long MaxBytes = 20L * 1024 * 1024;
    public static readonly IReadOnlyList<FileType> AllowedTypes = [FileType.Pdf, FileType.Hwp, FileType.Hwpx, FileType.Docx, FileType.Xlsx];

    public int Id { get; private set; }
    public int CallId { get; private set; }
    public int DocumentIndex { get; private set; }
    public Guid FileId { get; private set; }
    public StoredFile File { get; private set; } = null!;
    public DateTimeOffset UploadedAt { get; private set; }

    private CallTemplate()
    {
    }

    internal CallTemplate(int documentIndex, StoredFile file, DateTimeOffset uploadedAt) => (DocumentIndex, File, UploadedAt) = (documentIndex, file, uploadedAt);
}
