using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Ledger;

/// <summary>
/// Anyone checks whether and where something is recorded: an entry's number, a document's SHA-256, or the file itself
/// (hashed here, not kept). Each entry found can be checked in the browser against the signed checkpoint (verify.js).
/// </summary>
[AllowAnonymous]
[RequestSizeLimit(MaxFileBytes + 64 * 1024)]
public sealed class VerifyModel(ReadLedger read, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int MaxFileBytes = 50 * 1024 * 1024;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<ReadLedger.Entry>? Found { get; private set; }
    public string? Searched { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Q))
        {
            return;
        }
        var q = Q.Trim();
        if (long.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index <= LedgerApi.MaxIndex)
        {
            Searched = text["Verify.SearchedIndex", index];
            Found = await read.EntryAsync(index, cancellationToken) is { } entry ? [await read.WithAnchorAsync(entry, cancellationToken)] : [];
        }
        else if (LedgerApi.ParseSha256(q) is { } hex)
        {
            Searched = text["Verify.SearchedHash", hex];
            Found = await AnchoredAsync(await read.WithHashAsync(hex, cancellationToken), cancellationToken);
        }
        else
        {
            ModelState.AddModelError(nameof(Q), text["Verify.BadQuery"]);
        }
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", text["Verify.NoFile"]);
            return Page();
        }
        if (file.Length > MaxFileBytes)
        {
            ModelState.AddModelError("file", text["Verify.FileTooLarge", MaxFileBytes / 1024 / 1024]);
            return Page();
        }
        await using var stream = file.OpenReadStream();
        var hex = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        Q = hex;
        Searched = text["Verify.SearchedFile", hex];
        Found = await AnchoredAsync(await read.WithHashAsync(hex, cancellationToken), cancellationToken);
        return Page();
    }

    private async Task<List<ReadLedger.Entry>> AnchoredAsync(List<ReadLedger.Entry> entries, CancellationToken cancellationToken)
    {
        var anchored = new List<ReadLedger.Entry>();
        foreach (var entry in entries)
        {
            anchored.Add(await read.WithAnchorAsync(entry, cancellationToken));
        }
        return anchored;
    }
}
