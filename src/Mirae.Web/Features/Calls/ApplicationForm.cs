using Mirae.Web.Infrastructure;
using System.Globalization;
using System.Text;
using Mirae.Web.Features.Applications;

namespace Mirae.Web.Features.Calls;

public enum FieldType
{
    Text,
    LongText,
    Number,
    Money,
    Date,
    Choice,
    MultipleChoice,
    File,
}

/// <summary>One choice of a single- or multiple-choice field: the value stored, and what readers see.</summary>
public sealed record FieldOption(string Value, string LabelKo, string LabelEn);

/// <summary>
/// One question of a call's application form. <see cref="Max"/> is the longest text (characters), the largest
/// number or amount, or the most files; <see cref="Min"/> the smallest number or amount.
/// </summary>
public sealed record FormField(string Key, FieldType Type, string LabelKo, string LabelEn, bool Required, decimal? Min, decimal? Max,
    IReadOnlyList<FieldOption> Options);

/// <summary>A condition on an earlier answer: the section is shown (and asked) only when field <see cref="FieldKey"/> holds <see cref="Value"/>.</summary>
public sealed record ShowWhen(string FieldKey, string Value);

/// <summary>A place files are attached to: a required document or a file question, and how many files it takes.</summary>
public sealed record FileSlot(string Key, string LabelKo, string LabelEn, int MaxFiles, bool Required);

public sealed record FormSection(string Key, string TitleKo, string TitleEn, ShowWhen? ShowWhen, IReadOnlyList<FormField> Fields);

/// <summary>
/// A call's application form, written by staff as text, one line each (see <see cref="Parse"/>):
/// <code>
/// # overview | 사업 개요 | Overview
/// title | text | 과제명 | Project title | required | 100
/// kind | choice | 과제 유형 | Project type | required | new=신규/New; continuing=계속/Continuing
/// # previous | 이전 과제 | Earlier project | when kind=continuing
/// previousTask | text | 이전 과제 번호 | Earlier task number | required | 50
/// </code>
/// The last column is the maximum (characters, amount, files), a range <c>min-max</c> for numbers and money, or the
/// options for choices (<c>value=국문/English</c>, separated by <c>;</c>).
/// </summary>
public static class ApplicationForm
{
    public const int MaxFields = 60;
    public const int MaxTextLength = 20_000;
    public const int MaxFilesPerField = 10;

    private static readonly Dictionary<string, FieldType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text"] = FieldType.Text,
        ["longtext"] = FieldType.LongText,
        ["number"] = FieldType.Number,
        ["money"] = FieldType.Money,
        ["date"] = FieldType.Date,
        ["choice"] = FieldType.Choice,
        ["multichoice"] = FieldType.MultipleChoice,
        ["file"] = FieldType.File,
    };

    /// <summary>The sections, or the first problem as (line number, resource key of the message).</summary>
    public static (IReadOnlyList<FormSection>? Sections, (int Line, string MessageKey)? Error) Parse(string? text)
    {
        var sections = new List<(string Key, string Ko, string En, ShowWhen? When, List<FormField> Fields)>();
        var keys = new Dictionary<string, FormField>(StringComparer.Ordinal);
        foreach (var line in LineFormat.Read(text))
        {
            var error = (line.Number, "Form.LineInvalid");
            if (line[0].StartsWith('#'))
            {
                var parts = line.Cells.ToArray();
                parts[0] = parts[0][1..].Trim();
                if (parts.Length is < 3 or > 4 || !IsKey(parts[0]) || parts[1].Length is 0 or > 100 || parts[2].Length > 100
                    || sections.Any(s => s.Key == parts[0]))
                {
                    return (null, error);
                }
                ShowWhen? when = null;
                if (parts.Length == 4)
                {
                    var condition = parts[3].StartsWith("when ", StringComparison.OrdinalIgnoreCase) ? parts[3][5..].Split('=', 2, StringSplitOptions.TrimEntries) : [];
                    // The condition names an earlier choice field and one of its values.
                    if (condition.Length != 2 || !keys.TryGetValue(condition[0], out var source) || source.Type != FieldType.Choice
                        || source.Options.All(o => o.Value != condition[1]))
                    {
                        return (null, (line.Number, "Form.ConditionInvalid"));
                    }
                    when = new ShowWhen(condition[0], condition[1]);
                }
                sections.Add((parts[0], parts[1], parts[2], when, []));
                continue;
            }
            var cells = line.Cells;
            if (cells.Count is < 5 or > 6 || !IsKey(cells[0]) || keys.ContainsKey(cells[0]) || !Types.TryGetValue(cells[1], out var type)
                || cells[2].Length is 0 or > 200 || cells[3].Length > 200 || (cells[4] != "required" && cells[4] != "optional"))
            {
                return (null, error);
            }
            if (sections.Count == 0)
            {
                sections.Add(("main", "신청 내용", "Application", null, []));
            }
            var last = line[5];
            if (ParseLimits(type, last) is not { } limits)
            {
                return (null, (line.Number, "Form.LimitInvalid"));
            }
            var field = new FormField(cells[0], type, cells[2], cells[3], cells[4] == "required", limits.Min, limits.Max, limits.Options);
            keys.Add(field.Key, field);
            sections[^1].Fields.Add(field);
            if (keys.Count > MaxFields)
            {
                return (null, (line.Number, "Form.TooManyFields"));
            }
        }
        return (sections.Where(s => s.Fields.Count > 0).Select(s => new FormSection(s.Key, s.Ko, s.En, s.When, s.Fields)).ToList(), null);
    }

    /// <summary>The text <see cref="Parse"/> reads back into the same form.</summary>
    public static string Format(IReadOnlyList<FormSection> sections)
    {
        var text = new StringBuilder();
        foreach (var section in sections)
        {
            text.Append("# ").Append(section.Key).Append(" | ").Append(section.TitleKo).Append(" | ").Append(section.TitleEn);
            if (section.ShowWhen is { } when)
            {
                text.Append(" | when ").Append(when.FieldKey).Append('=').Append(when.Value);
            }
            text.Append('\n');
            foreach (var f in section.Fields)
            {
                var type = Types.First(t => t.Value == f.Type).Key;
                text.Append(CultureInfo.InvariantCulture, $"{f.Key} | {type} | {f.LabelKo} | {f.LabelEn} | {(f.Required ? "required" : "optional")}");
                var limits = f.Type switch
                {
                    FieldType.Choice or FieldType.MultipleChoice => string.Join("; ", f.Options.Select(o => $"{o.Value}={o.LabelKo}/{o.LabelEn}")),
                    FieldType.Number or FieldType.Money when f.Min is not null || f.Max is not null =>
                        string.Create(CultureInfo.InvariantCulture, $"{f.Min}-{f.Max}"),
                    _ => f.Max is decimal max ? max.ToString(CultureInfo.InvariantCulture) : "",
                };
                text.Append(limits.Length > 0 ? " | " + limits : "").Append('\n');
            }
        }
        return text.ToString().TrimEnd();
    }

    private static (decimal? Min, decimal? Max, IReadOnlyList<FieldOption> Options)? ParseLimits(FieldType type, string text)
    {
        switch (type)
        {
            case FieldType.Choice or FieldType.MultipleChoice:
                var options = new List<FieldOption>();
                foreach (var option in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var valueAndLabels = option.Split('=', 2, StringSplitOptions.TrimEntries);
                    var labels = valueAndLabels.Length == 2 ? valueAndLabels[1].Split('/', 2, StringSplitOptions.TrimEntries) : [];
                    if (labels.Length == 0 || !IsKey(valueAndLabels[0]) || labels[0].Length is 0 or > 100 || options.Any(o => o.Value == valueAndLabels[0]))
                    {
                        return null;
                    }
                    options.Add(new FieldOption(valueAndLabels[0], labels[0], labels.Length > 1 ? labels[1] : labels[0]));
                }
                return options.Count is >= 2 and <= 30 ? (null, null, options) : null;
            case FieldType.Number or FieldType.Money:
                if (text.Length == 0)
                {
                    return (null, null, []);
                }
                var range = text.Split('-', 2, StringSplitOptions.TrimEntries);
                decimal? min = range[0].Length == 0 ? null : decimal.TryParse(range[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var a) ? a : -1;
                decimal? max = range.Length < 2 || range[1].Length == 0 ? null
                    : decimal.TryParse(range[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var b) ? b : -1;
                return min is < 0 || max is < 0 || min > Infrastructure.Money.MaxTyped || max > Infrastructure.Money.MaxTyped
                    || (min is not null && max is not null && min > max) || range.Length < 2 ? null : (min, max, []);
            case FieldType.Date:
                return text.Length == 0 ? (null, null, []) : null;
            default:
                var limit = FieldType.File == type ? MaxFilesPerField : MaxTextLength;
                if (text.Length == 0)
                {
                    return (null, type == FieldType.File ? 1 : type == FieldType.Text ? 200 : 4000, []);
                }
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var most) && most is > 0 && most <= limit ? (null, most, []) : null;
        }
    }

    private static bool IsKey(string value) => value.Length is > 0 and <= 40 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Where an applicant attaches files: one slot per required document (one file, always required), then each file question.</summary>
    public static IReadOnlyList<FileSlot> FileSlots(IReadOnlyList<FormSection> sections, IReadOnlyList<RequiredDocument> documents) =>
    [
        .. documents.Select((d, i) => new FileSlot(Application.DocumentKey(i), d.NameKo, d.NameEn, 1, Required: true)),
        .. sections.SelectMany(s => s.Fields).Where(f => f.Type == FieldType.File)
            .Select(f => new FileSlot(f.Key, f.LabelKo, f.LabelEn, (int)(f.Max ?? 1), f.Required)),
    ];

    /// <summary>The sections an applicant is asked, given the answers so far (a hidden section's answers do not count).</summary>
    /// <summary>
    /// An answer as a reader sees it: a choice by its label in the reader's language (not its stored value), several
    /// choices joined by commas, an amount in won, a number with thousands separators; text as written.
    /// </summary>
    public static string Display(FormField field, string answer)
    {
        string Label(string value) => field.Options.FirstOrDefault(o => o.Value == value) is { } o ? Language.Pick(o.LabelKo, o.LabelEn) : value;
        return field.Type switch
        {
            FieldType.Choice => Label(answer.Trim()),
            FieldType.MultipleChoice => string.Join(", ", answer.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Label)),
            FieldType.Money when decimal.TryParse(answer, NumberStyles.Number, CultureInfo.InvariantCulture, out var won) => Money.Won(won),
            FieldType.Number when decimal.TryParse(answer, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) =>
                number.ToString("#,0.##", CultureInfo.InvariantCulture),
            _ => answer,
        };
    }

    public static IEnumerable<FormSection> Visible(IReadOnlyList<FormSection> sections, IReadOnlyDictionary<string, string> answers) =>
        sections.Where(s => s.ShowWhen is not { } when || (answers.TryGetValue(when.FieldKey, out var value) && value == when.Value));
}

/// <summary>Checks answers against a form: types and limits always; required answers only on submission.</summary>
public static class AnswerCheck
{
    /// <summary>One problem: the field, the resource key of the message, and its arguments.</summary>
    public sealed record Problem(string FieldKey, string MessageKey, object[] Arguments);

    /// <param name="files">How many files each file field holds.</param>
    /// <param name="complete">True on submission: every visible required field must be answered.</param>
    public static IReadOnlyList<Problem> Check(IReadOnlyList<FormSection> sections, IReadOnlyDictionary<string, string> answers,
        IReadOnlyDictionary<string, int> files, bool complete)
    {
        var problems = new List<Problem>();
        var visible = ApplicationForm.Visible(sections, answers).SelectMany(s => s.Fields).ToList();
        foreach (var field in sections.SelectMany(s => s.Fields))
        {
            var value = (answers.GetValueOrDefault(field.Key) ?? "").Trim();
            if (field.Type == FieldType.File)
            {
                var count = files.GetValueOrDefault(field.Key);
                if (count > (field.Max ?? 1))
                {
                    problems.Add(new(field.Key, "Answer.TooManyFiles", [field.Max ?? 1]));
                }
                else if (complete && field.Required && count == 0 && visible.Contains(field))
                {
                    problems.Add(new(field.Key, "Answer.Required", []));
                }
                continue;
            }
            if (value.Length == 0)
            {
                if (complete && field.Required && visible.Contains(field))
                {
                    problems.Add(new(field.Key, "Answer.Required", []));
                }
                continue;
            }
            if (Invalid(field, value) is { } problem)
            {
                problems.Add(problem);
            }
        }
        return problems;
    }

    private static Problem? Invalid(FormField field, string value)
    {
        switch (field.Type)
        {
            case FieldType.Text or FieldType.LongText:
                return value.Length > (field.Max ?? ApplicationForm.MaxTextLength) ? new(field.Key, "Answer.TooLong", [field.Max ?? ApplicationForm.MaxTextLength, value.Length]) : null;
            case FieldType.Number or FieldType.Money:
                if (!decimal.TryParse(value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    || !Infrastructure.Money.InTypedRange(number)
                    || (field.Type == FieldType.Money && (number < 0 || decimal.Truncate(number) != number)))
                {
                    return new(field.Key, field.Type == FieldType.Money ? "Answer.MoneyInvalid" : "Answer.NumberInvalid", []);
                }
                return (field.Min is decimal min && number < min) || (field.Max is decimal max && number > max)
                    ? new(field.Key, "Answer.OutOfRange", [Shown(field, field.Min), Shown(field, field.Max)])
                    : null;
            case FieldType.Date:
                return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : new(field.Key, "Answer.DateInvalid", []);
            case FieldType.Choice:
                return field.Options.Any(o => o.Value == value) ? null : new(field.Key, "Answer.ChoiceInvalid", []);
            default:
                return value.Split(',').All(v => field.Options.Any(o => o.Value == v)) ? null : new(field.Key, "Answer.ChoiceInvalid", []);
        }
    }

    private static string Shown(FormField field, decimal? limit) =>
        limit is not decimal value ? "" : field.Type == FieldType.Money ? Infrastructure.Money.Won(value) : value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
