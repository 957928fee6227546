using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Mirae.Web.Features.Directory;
using Mirae.Web.Infrastructure;
using Mirae.Web.Features.Applications;

namespace Mirae.Web.Features.Calls;

/// <summary>
/// What the call page's form posts: dates as KST <c>datetime-local</c> values, amounts in won, documents and rubric one
/// per line (<c>국문명 | English</c> and <c>국문명 | English | weight | max points</c>).
/// </summary>
public sealed class CallForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Calls.Program")]
    public int? ProgramId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Range(2000, 2100, ErrorMessage = "Call.YearInvalid")]
    [Display(Name = "CallForm.Year")]
    public int? Year { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(Call.MaxTitle, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "CallForm.TitleKo")]
    public string? TitleKo { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(Call.MaxTitle, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "CallForm.TitleEn")]
    public string? TitleEn { get; set; }

    [StringLength(Call.MaxSummary, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "CallForm.SummaryKo")]
    public string? SummaryKo { get; set; }

    [StringLength(Call.MaxSummary, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "CallForm.SummaryEn")]
    public string? SummaryEn { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "CallForm.OpensAt")]
    [SensibleDate]
    public DateTime? OpensAt { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "CallForm.ClosesAt")]
    [SensibleDate]
    public DateTime? ClosesAt { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Calls.Budget")]
    public decimal? TotalBudget { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Calls.PerTaskCap")]
    public decimal? PerTaskCap { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Calls.ExpectedAwards")]
    public int? ExpectedAwards { get; set; }

    public List<OrganizationKind> Kinds { get; set; } = [];

    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Calls.Eligibility.Regions")]
    public string? Regions { get; set; }

    [Display(Name = "CallForm.MaxYearsSinceFounding")]
    public int? MaxYearsSinceFounding { get; set; }
    [Display(Name = "CallForm.MinEmployees")]
    public int? MinEmployees { get; set; }
    [Display(Name = "CallForm.MaxEmployees")]
    public int? MaxEmployees { get; set; }
    public bool NoUnfinishedTask { get; set; }

    [Range(0, 90, ErrorMessage = "Validation.Range")]
    [Display(Name = "CallForm.OwnShareMinPercent")]
    public int OwnShareMinPercent { get; set; } = FundingRules.Default.OwnShareMinPercent;
    [Range(0, 100, ErrorMessage = "Validation.Range")]
    [Display(Name = "CallForm.OwnCashMinPercentOfOwn")]
    public int OwnCashMinPercentOfOwn { get; set; } = FundingRules.Default.OwnCashMinPercentOfOwn;
    [Range(0, 100, ErrorMessage = "Validation.Range")]
    [Display(Name = "CallForm.IndirectMaxPercentOfDirect")]
    public int IndirectMaxPercentOfDirect { get; set; } = FundingRules.Default.IndirectMaxPercentOfDirect;
    [Range(0, 100, ErrorMessage = "Validation.Range")]
    [Display(Name = "CallForm.AllowanceMaxPercentOfPersonnel")]
    public int AllowanceMaxPercentOfPersonnel { get; set; } = FundingRules.Default.AllowanceMaxPercentOfPersonnel;
    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "CallForm.AgreementTemplate")]
    public string? AgreementTemplate { get; set; }

    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Calls.RequiredDocuments")]
    public string? RequiredDocuments { get; set; }

    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Calls.Rubric")]
    public string? Rubric { get; set; }

    [StringLength(40000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "CallForm.Form")]
    public string? Form { get; set; }

    public static CallForm From(GetCall.Details call) => new()
    {
        ProgramId = call.ProgramId,
        Year = call.Year,
        TitleKo = call.TitleKo,
        TitleEn = call.TitleEn,
        SummaryKo = call.SummaryKo,
        SummaryEn = call.SummaryEn,
        OpensAt = call.OpensAt.ToKst().DateTime,
        ClosesAt = call.ClosesAt.ToKst().DateTime,
        TotalBudget = call.TotalBudget,
        PerTaskCap = call.PerTaskCap,
        ExpectedAwards = call.ExpectedAwards,
        Kinds = call.Eligibility.Kinds.ToList(),
        Regions = string.Join(", ", call.Eligibility.Regions),
        MaxYearsSinceFounding = call.Eligibility.MaxYearsSinceFounding,
        MinEmployees = call.Eligibility.MinEmployees,
        MaxEmployees = call.Eligibility.MaxEmployees,
        NoUnfinishedTask = call.Eligibility.NoUnfinishedTask,
        OwnShareMinPercent = (call.Funding ?? FundingRules.Default).OwnShareMinPercent,
        OwnCashMinPercentOfOwn = (call.Funding ?? FundingRules.Default).OwnCashMinPercentOfOwn,
        IndirectMaxPercentOfDirect = (call.Funding ?? FundingRules.Default).IndirectMaxPercentOfDirect,
        AllowanceMaxPercentOfPersonnel = (call.Funding ?? FundingRules.Default).AllowanceMaxPercentOfPersonnel,
        AgreementTemplate = call.AgreementTemplate,
        RequiredDocuments = string.Join("\n", call.RequiredDocuments.Select(d => $"{d.NameKo} | {d.NameEn}")),
        Rubric = string.Join("\n", call.Rubric.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.NameKo} | {c.NameEn} | {c.Weight} | {c.MaxPoints}"))),
        Form = ApplicationForm.Format(call.Form),
    };

    /// <summary>
    /// The terms, or null with every problem added to <paramref name="modelState"/> under <paramref name="prefix"/>.
    /// </summary>
    public Call.Terms? ToTerms(ModelStateDictionary modelState, string prefix, IStringLocalizer text)
    {
        if (!modelState.IsValid)
        {
            return null;
        }
        var documents = ParseDocuments(RequiredDocuments);
        var rubric = ParseRubric(Rubric);
        if (!documents.Succeeded)
        {
            modelState.AddModelError($"{prefix}.{nameof(RequiredDocuments)}", text.AtLine(documents.BadLine, "Call.DocumentsInvalid"));
        }
        if (!rubric.Succeeded)
        {
            modelState.AddModelError($"{prefix}.{nameof(Rubric)}", text.AtLine(rubric.BadLine, "Call.RubricInvalid"));
        }
        var (form, formError) = ApplicationForm.Parse(Form);
        if (formError is var (line, messageKey))
        {
            modelState.AddModelError($"{prefix}.{nameof(Form)}", text[messageKey, line]);
        }
        if (!documents.Succeeded || !rubric.Succeeded || form is null)
        {
            return null;
        }
        var regions = (Regions ?? "").Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        var terms = new Call.Terms(Year!.Value, TitleKo!, TitleEn!, SummaryKo ?? "", SummaryEn ?? "", FromKst(OpensAt!.Value), FromKst(ClosesAt!.Value),
            TotalBudget!.Value, PerTaskCap!.Value, ExpectedAwards!.Value,
            new Eligibility(Kinds.Distinct().ToList(), regions, MaxYearsSinceFounding, MinEmployees, MaxEmployees, NoUnfinishedTask), [.. documents.Items], [.. rubric.Items], form,
            new FundingRules(OwnShareMinPercent, OwnCashMinPercentOfOwn, IndirectMaxPercentOfDirect, AllowanceMaxPercentOfPersonnel), AgreementTemplate ?? "");
        foreach (var (field, key) in Call.Check(terms))
        {
            modelState.AddModelError($"{prefix}.{field}", text[key]);
        }
        return modelState.IsValid ? terms : null;
    }

    /// <summary>A wall-clock time typed in KST, as the instant it names.</summary>
    public static DateTimeOffset FromKst(DateTime local) => new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Kst.Offset).ToUniversalTime();

    private static LineFormat.Result<RequiredDocument> ParseDocuments(string? text) =>
        LineFormat.Parse(text, line => line.Count <= 2 && line[0].Length > 0 ? new RequiredDocument(line[0], line[1]) : null);

    private static LineFormat.Result<Criterion> ParseRubric(string? text) =>
        LineFormat.Parse(text, line =>
            line.Count == 4 && line[0].Length > 0
            && decimal.TryParse(line[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var weight)
            && int.TryParse(line[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var points)
                ? new Criterion(line[0], line[1], weight, points)
                : null);
}
