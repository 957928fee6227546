using System.Globalization;
using System.Text.Json.Nodes;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Ledger;

/// <summary>The kinds of decision the log records (schema version 1, ADR 018).</summary>
public static class LedgerKinds
{
    public const string Award = "award.selection";
    public const string NoticePublished = "notice.published";
    public const string DocumentRegistered = "document.registered";
    public const string EvaluationClosed = "evaluation.closed";
    public const string QualificationShared = "qualification.shared";
    public const string ChangeNotified = "change.notified";
    public const string CertificateRegistered = "certificate.registered";
    public const string TaskAgreement = "task.agreement";
    public const string TaskSettlement = "task.settlement";
    public const string LabAnswer = "lab.answer";
}

/// <summary>
/// Adds an entry to the log in the caller's unit of work: it is saved by the caller's <c>SaveChanges</c>, in the same
/// transaction as the record it attests, so neither exists without the other. The sequencer numbers it once committed.
/// Personal data never goes in: organizations by business number, no names of people, no e-mail addresses.
/// </summary>
public sealed class LedgerRecords(AppDbContext db, TimeProvider clock, LedgerSignal signal)
{
    public const int SchemaVersion = 1;

    public LedgerEntry Add(string kind, string subject, JsonObject data)
    {
        var now = clock.GetUtcNow();
        var entry = LedgerEntry.Create(kind, subject, Envelope(kind, subject, now, data), now);
        db.LedgerEntries.Add(entry);
        signal.Poke();
        return entry;
    }

    /// <summary>The canonical body: <c>{"data":…,"kind":…,"recordedAt":"2026-12-03T09:00:00Z","subject":…,"v":1}</c>.</summary>
    public static string Envelope(string kind, string subject, DateTimeOffset at, JsonObject data) => CanonicalJson.Write(new JsonObject
    {
        ["v"] = SchemaVersion,
        ["kind"] = kind,
        ["subject"] = subject,
        ["recordedAt"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["data"] = data,
    });

    /// <summary>The SHA-256 of a text (its UTF-8 bytes), lower-case hex: how entries attest free text without carrying it.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>A decimal as the entries write it: a string with two decimals ("87.50").</summary>
    public static string Number(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>Wakes the sequencer when an entry was added, instead of waiting for its next round.</summary>
public sealed class LedgerSignal : IDisposable
{
    private readonly SemaphoreSlim _poked = new(0, 1);

    public void Poke()
    {
        if (_poked.CurrentCount == 0)
        {
            try
            {
                _poked.Release();
            }
            catch (SemaphoreFullException)
            {
                // already poked
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _poked.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _poked.Dispose();
}

/// <summary>The QR code printed papers carry to their entry on the public verify page (QRCoder), as a PNG data URL.</summary>
public static class VerifyQr
{
    public static string PngDataUrl(string url)
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var code = generator.CreateQrCode(url, QRCoder.QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new QRCoder.PngByteQRCode(code).GetGraphic(6));
    }
}
