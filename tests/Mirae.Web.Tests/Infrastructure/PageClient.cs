using System.Net;
using System.Text.RegularExpressions;

namespace Mirae.Web.Tests.Infrastructure;

/// <summary>A browser-like HTTP client: keeps cookies and submits forms with the antiforgery token of the page.</summary>
public sealed partial class PageClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public async Task<(HttpStatusCode Status, string Html)> GetPageAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs <paramref name="formUrl"/>, then POSTs the fields with the page's antiforgery token to <paramref name="postUrl"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string formUrl, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var form = fields.Append(new("__RequestVerificationToken", await AntiforgeryTokenAsync(formUrl)));
        return await Http.PostAsync(postUrl ?? formUrl, new FormUrlEncodedContent(form));
    }

    /// <summary>Like <see cref="SubmitAsync"/> for a multipart form with files (name → (file name, bytes)) and optional plain fields.</summary>
    public async Task<HttpResponseMessage> SubmitFilesAsync(string formUrl, IReadOnlyDictionary<string, (string FileName, byte[] Content)> files,
        IEnumerable<KeyValuePair<string, string>>? fields = null, string? postUrl = null)
    {
        using var form = new MultipartFormDataContent { { new StringContent(await AntiforgeryTokenAsync(formUrl)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields ?? [])
        {
            form.Add(new StringContent(value), name);
        }
        foreach (var (name, (fileName, content)) in files)
        {
            form.Add(new ByteArrayContent(content), name, fileName);
        }
        return await Http.PostAsync(postUrl ?? formUrl, form);
    }

    private async Task<string> AntiforgeryTokenAsync(string formUrl)
    {
        var (_, html) = await GetPageAsync(formUrl);
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"no antiforgery token on {formUrl}");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }
        return await SubmitAsync("/account/sign-in", fields);
    }

    /// <summary>The path a redirect points to, without host or query.</summary>
    public static string? RedirectPath(HttpResponseMessage response) => response.Headers.Location is not { } location
        ? null
        : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
