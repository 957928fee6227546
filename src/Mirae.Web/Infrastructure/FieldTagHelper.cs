using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Mirae.Web.Infrastructure;

/// <summary>
/// A KRDS form group for one property: label (with the required mark), input, hint and the field's
/// errors, wired with <c>aria-describedby</c>/<c>aria-invalid</c> so screen readers announce them.
/// </summary>
[HtmlTargetElement("krds-field", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IStringLocalizer<SharedResource> text, HtmlEncoder encoder) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    /// <summary>Resource key of a hint shown under the input.</summary>
    public string? Hint { get; set; }
    public int? MaxLength { get; set; }
    /// <summary>Marks the field required where the model cannot say so (required only in some cases).</summary>
    public bool Required { get; set; }
    public string? InputMode { get; set; }
    /// <summary>Height of a <c>type="textarea"</c> field.</summary>
    public int Rows { get; set; } = 4;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0).ToList() ?? [];
        var value = Type == "password" ? "" : state?.AttemptedValue ?? For.Model switch
        {
            // What datetime-local inputs read and post, whatever the page's culture.
            DateTime local => local.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            DateOnly day => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            var model => model?.ToString() ?? "",
        };
        var required = Required || (For.Metadata.IsRequired && For.Metadata.ModelType != typeof(bool));
        var describedBy = new List<string>();

        var html = new System.Text.StringBuilder();
        html.Append("<div class=\"form-tit\"><label for=\"").Append(id).Append("\">").Append(E(For.Metadata.GetDisplayName()));
        if (required)
        {
            html.Append(" <span class=\"required-mark\">").Append(E(text["Form.Required"])).Append("</span>");
        }
        html.Append("</label></div>");

        html.Append("<div class=\"form-conts").Append(errors.Count > 0 ? " is-error" : "").Append("\">");
        var textarea = Type == "textarea";
        if (textarea)
        {
            html.Append("<textarea class=\"krds-input\" rows=\"").Append(Rows).Append("\" id=\"").Append(id).Append("\" name=\"").Append(E(name)).Append('"');
        }
        else
        {
            html.Append("<input class=\"krds-input\" type=\"").Append(E(Type)).Append("\" id=\"").Append(id)
                .Append("\" name=\"").Append(E(name)).Append("\" value=\"").Append(E(value)).Append('"');
        }
        if (Autocomplete is not null)
        {
            html.Append(" autocomplete=\"").Append(E(Autocomplete)).Append('"');
        }
        if (InputMode is not null)
        {
            html.Append(" inputmode=\"").Append(E(InputMode)).Append('"');
        }
        if (MaxLength is int max)
        {
            html.Append(" maxlength=\"").Append(max).Append('"');
        }
        if (required)
        {
            html.Append(" required aria-required=\"true\"");
        }
        if (Hint is not null)
        {
            describedBy.Add(id + "-hint");
        }
        if (errors.Count > 0)
        {
            describedBy.Add(id + "-error");
            html.Append(" aria-invalid=\"true\"");
        }
        if (describedBy.Count > 0)
        {
            html.Append(" aria-describedby=\"").Append(string.Join(' ', describedBy)).Append('"');
        }
        // A newline right after <textarea> is dropped by the parser, so a value that starts with one survives.
        html.Append(textarea ? ">\n" + E(value) + "</textarea></div>" : "></div>");

        if (Hint is not null)
        {
            html.Append("<p class=\"form-hint\" id=\"").Append(id).Append("-hint\">").Append(E(text[Hint])).Append("</p>");
        }
        if (errors.Count > 0)
        {
            html.Append("<p class=\"form-hint-invalid\" id=\"").Append(id).Append("-error\">").Append(E(string.Join(" ", errors))).Append("</p>");
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "form-group");
        output.Content.SetHtmlContent(html.ToString());
    }

    private string E(string value) => encoder.Encode(value);
}

/// <summary>
/// Every form is checked by the site, in the reader's language (the field's own message and the summary): the browser's
/// bubbles (in the browser's language, one field at a time) are switched off with <c>novalidate</c> (issue 17.8).
/// </summary>
[HtmlTargetElement("form")]
public sealed class SiteValidatedFormTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.ContainsName("novalidate"))
        {
            output.Attributes.Add(new TagHelperAttribute("novalidate", null, HtmlAttributeValueStyle.Minimized));
        }
    }
}
