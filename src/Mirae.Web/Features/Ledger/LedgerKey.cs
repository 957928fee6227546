using Microsoft.Extensions.Options;
using Mirae.Ledger;

namespace Mirae.Web.Features.Ledger;

public sealed class LedgerOptions
{
    /// <summary>The log's name in its checkpoints (C2SP origin) and the signing key's name.</summary>
    public string Origin { get; set; } = "mirae.incheon.local/ledger";
    /// <summary>The signing key as PKCS#8 PEM (e.g. from the environment, <c>Ledger__SigningKeyPem</c>); never in the repository.</summary>
    public string? SigningKeyPem { get; set; }
    /// <summary>Or a PEM file; relative paths are under the app's content root. Development creates it when absent.</summary>
    public string SigningKeyFile { get; set; } = "data/ledger-signing-key.pem";
    /// <summary>How often the sequencer looks for new entries when nothing wakes it.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Runs the sequencer in the background; tests turn it off and call <see cref="LedgerSequencer.RunOnceAsync"/>.</summary>
    public bool Background { get; set; } = true;
    /// <summary>The witnesses whose cosignatures are collected and shown (<c>Ledger:Witnesses:0:Name</c>, <c>…:PublicKeyPem</c>).</summary>
    public IList<WitnessOptions> Witnesses { get; } = [];
    /// <summary>Anchoring checkpoints on an EVM chain (<c>Ledger:Anchor:…</c>).</summary>
    public AnchorOptions Anchor { get; set; } = new();
}

/// <summary>
/// The checkpoint signing key (ECDSA P-256, ADR 005): from configuration (PEM text or file). In Development a missing key
/// is created once in the data folder, and the log says where; in tests it lives in memory; in Production without a key
/// entries are still recorded and numbered, but no checkpoint is signed until one is configured (logged as an error).
/// </summary>
public sealed partial class LedgerKey : IDisposable
{
    private readonly CheckpointSigner? _signer;

    public LedgerKey(IOptions<LedgerOptions> options, IHostEnvironment environment, ILogger<LedgerKey> logger)
    {
        var o = options.Value;
        Origin = o.Origin;
        if (!string.IsNullOrWhiteSpace(o.SigningKeyPem))
        {
            _signer = CheckpointSigner.FromPrivateKeyPem(o.Origin, o.SigningKeyPem);
        }
        else if (environment.IsEnvironment("Testing"))
        {
            _signer = CheckpointSigner.Generate(o.Origin);
        }
        else
        {
            var path = Path.IsPathRooted(o.SigningKeyFile) ? o.SigningKeyFile : Path.Combine(environment.ContentRootPath, o.SigningKeyFile);
            if (File.Exists(path))
            {
                _signer = CheckpointSigner.FromPrivateKeyPem(o.Origin, File.ReadAllText(path));
            }
            else if (environment.IsDevelopment())
            {
                _signer = CheckpointSigner.Generate(o.Origin);
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, _signer.PrivateKeyPem);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
                LogCreated(logger, path);
            }
            else
            {
                LogMissing(logger, path);
            }
        }
    }

    public string Origin { get; }

    /// <summary>Null when no key is configured: checkpoints are not signed.</summary>
    public CheckpointSigner? Signer => _signer;

    public string? PublicKeyPem => _signer?.PublicKeyPem;

    public void Dispose() => _signer?.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger: no signing key configured; created a development key at {Path} (set Ledger:SigningKeyPem or Ledger:SigningKeyFile in production)")]
    private static partial void LogCreated(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ledger: no signing key (Ledger:SigningKeyPem, or a PEM file at {Path}); entries are recorded but no checkpoint is signed")]
    private static partial void LogMissing(ILogger logger, string path);
}
