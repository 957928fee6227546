using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Mirae.Web.Features.Ledger;

/// <summary>
/// With <c>--Ledger:Anchor:Dev=true</c>: starts anvil (the local EVM test chain from npm, restored by the build into
/// node_modules) on 127.0.0.1 for the app's lifetime, keeping its chain in data/anvil-state.json across restarts, and
/// stops it by its PID when the app stops.
/// </summary>
public sealed partial class AnvilDevChain(IOptions<LedgerOptions> options, IHostEnvironment environment, ILogger<AnvilDevChain> logger) : IHostedService, IDisposable
{
    private Process? _anvil;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var binary = Path.Combine(environment.ContentRootPath, "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
        if (!File.Exists(binary))
        {
            LogMissing(logger, binary);
            return Task.CompletedTask;
        }
        var state = Path.Combine(environment.ContentRootPath, "data", "anvil-state.json");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(state)!);
        var start = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--host", "127.0.0.1", "--port", options.Value.Anchor.DevPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--state", state })
        {
            start.ArgumentList.Add(argument);
        }
        _anvil = Process.Start(start);
        LogStarted(logger, options.Value.Anchor.RpcUrl ?? "", state);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_anvil is { HasExited: false } anvil)
        {
            // SIGINT lets anvil write its state file before it exits.
            using var stop = Process.Start("kill", ["-INT", anvil.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await stop.WaitForExitAsync(cancellationToken);
            if (!anvil.WaitForExit(3000))
            {
                anvil.Kill();
            }
        }
    }

    public void Dispose() => _anvil?.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger: anvil not found at {Path} (run the build, which restores npm packages); anchoring has no chain")]
    private static partial void LogMissing(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ledger: local test chain (anvil) at {Url}, state in {State}; the anchor transactions are listed on /admin/ledger (eth_getTransactionByHash on {Url} shows each one)")]
    private static partial void LogStarted(ILogger logger, string url, string state);
}
