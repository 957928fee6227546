using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mirae.Web.Tests.Infrastructure;

/// <summary>
/// A real anvil (the local EVM test chain from npm, src/Mirae.Web/node_modules) on a free loopback port, keeping its chain
/// in a state file so it can be stopped and started again mid-test; stopped by its PID.
/// </summary>
public sealed class AnvilChain : IAsyncDisposable
{
    private readonly string _binary;
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"mirae-anvil-{Guid.NewGuid():N}.json");
    private Process? _process;

    private AnvilChain(string binary, int port)
    {
        _binary = binary;
        Port = port;
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";

    public static async Task<AnvilChain> StartAsync(bool mining = true)
    {
        var binary = Path.Combine(LedgerCli.RepositoryRoot(), "src", "Mirae.Web", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"anvil not found at {binary}: the build restores it with npm ci (src/Mirae.Web/package.json)");
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var chain = new AnvilChain(binary, port);
        await chain.StartAgainAsync(mining);
        return chain;
    }

    /// <param name="mining">False starts it with <c>--no-mining</c>: transactions wait in its pool, and are lost when it stops.</param>
    public async Task StartAgainAsync(bool mining = true)
    {
        var start = new ProcessStartInfo(_binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--host", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--state", _state })
        {
            start.ArgumentList.Add(argument);
        }
        if (!mining)
        {
            start.ArgumentList.Add("--no-mining");
        }
        _process = Process.Start(start)!;
        using var http = new HttpClient();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var response = await http.PostAsync(Url, new StringContent("""{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}""", Encoding.UTF8, "application/json"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("anvil did not answer on " + Url);
    }

    /// <summary>Stops anvil with SIGINT, so it writes its chain to the state file first.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
            await kill.WaitForExitAsync();
            if (!process.WaitForExit(10_000))
            {
                process.Kill();
            }
        }
        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        File.Delete(_state);
    }
}
