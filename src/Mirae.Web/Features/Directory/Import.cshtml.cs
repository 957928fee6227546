using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Features.Administration;

namespace Mirae.Web.Features.Directory;

/// <summary>Program staff upload the directory's CSV files; same checks as the import command.</summary>
[Authorize(Policy = AdministrationPolicies.ProgramStaff)]
[RequestFormLimits(MultipartBodyLengthLimit = 3 * MaxFileBytes + 1024 * 1024)]
[RequestSizeLimit(3 * MaxFileBytes + 1024 * 1024)]
public sealed class ImportModel(ImportDirectory import, IWebHostEnvironment environment, IStringLocalizer<SharedResource> text) : PageModel
{
    public const long MaxFileBytes = 50L * 1024 * 1024;

    /// <summary>Rows of the demo's files given as an example: the header and these many rows.</summary>
    public const int SampleRows = 10;

    public ImportDirectory.Result? Result { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>The header and first rows of the demo's file: an example in the exact format to start from.</summary>
    public IActionResult OnGetSample(string file)
    {
        if (!ImportDirectory.Files.Contains(file))
        {
            return NotFound();
        }
        var lines = System.IO.File.ReadLines(Path.Combine(environment.ContentRootPath, "Data", "Seed", "directory", file)).Take(SampleRows + 1);
        return File([.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines).TrimStart('\uFEFF') + "\n")],
            "text/csv; charset=utf-8", "sample-" + file);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var streams = new Dictionary<string, Stream>();
        try
        {
            foreach (var name in ImportDirectory.Files)
            {
                var file = Request.Form.Files.GetFile("file-" + name.Replace(".csv", "", StringComparison.Ordinal));
                if (file is null || file.Length == 0)
                {
                    continue;
                }
                if (file.Length > MaxFileBytes)
                {
                    ModelState.AddModelError("", text["Import.TooLarge", name, MaxFileBytes / 1024 / 1024]);
                    continue;
                }
                // Checked by content, not by name or declared type: CSV is text, so a NUL byte means it is not.
                var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                if (Array.IndexOf(buffer.GetBuffer(), (byte)0, 0, (int)buffer.Length) >= 0)
                {
                    ModelState.AddModelError("", text["Import.NotText", name]);
                    continue;
                }
                buffer.Position = 0;
                streams[name] = buffer;
            }
            if (!ModelState.IsValid)
            {
                return Page();
            }
            if (streams.Count == 0)
            {
                ModelState.AddModelError("", text["Import.NoFiles"]);
                return Page();
            }
            Result = await import.HandleAsync(streams, cancellationToken: cancellationToken);
            return Page();
        }
        finally
        {
            foreach (var stream in streams.Values)
            {
                await stream.DisposeAsync();
            }
        }
    }
}
