using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Mirae.Web.Data;
using Mirae.Web.Features.Ledger;

// Ledger benchmark: `bash bench/ledger.sh [appends] [proof-log-size]` on a private PostgreSQL.
// 1. Durable appends: entries saved in batches of 1,000 (as decisions save them) and then numbered by the sequencer
//    (leaf and node hashes, indices), beside a raw batched INSERT of the same rows into a fresh database. Target ≥ 0.7×.
// 2. Inclusion and consistency proofs over a log of the given size (default 1,000,000), 16 concurrent readers, first
//    read from the database by the API's own code (ReadLedger), then through the API of the real app (Kestrel, its own
//    process, --app=Mirae.Web.dll) over HTTP. Target p95 ≤ 5 ms.
// 3. The outside auditor (mirae-ledger audit, --cli=mirae-ledger.dll) against that app: every entry downloaded, the tree
//    rebuilt, the checkpoint's signature checked. Target ≤ 60 s at 1,000,000.
// Prints the figures and writes bench/results/ledger.md.
var options = args.Select(a => a.Split('=', 2)).ToDictionary(p => p[0].TrimStart('-'), p => p.Length > 1 ? p[1] : "");
var server = options["connection"];
var appends = options.TryGetValue("appends", out var a) ? int.Parse(a, CultureInfo.InvariantCulture) : 100_000;
var proofSize = options.TryGetValue("proof-size", out var p) ? int.Parse(p, CultureInfo.InvariantCulture) : 1_000_000;
var log = new StringBuilder();
using var signingKey = Mirae.Ledger.CheckpointSigner.Generate("bench.mirae/ledger");
void Say(string line)
{
    Console.WriteLine(line);
    log.AppendLine(line);
}

async Task<ServiceProvider> ServicesAsync(string database)
{
    var connection = server + ";Database=" + database;
    var services = new ServiceCollection();
    services.AddLogging();
    services.AddDbContext<AppDbContext>(o => DataModule.UseProvider(o, DatabaseProvider.Postgres, connection));
    services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
    services.Configure<LedgerOptions>(o =>
    {
        o.Origin = signingKey.KeyName;
        o.SigningKeyPem = signingKey.PrivateKeyPem;
    });
    services.AddSingleton(TimeProvider.System);
    services.AddSingleton<LedgerKey>();
    services.AddSingleton<LedgerSequencer>();
    services.AddScoped<ReadLedger>();
    var provider = services.BuildServiceProvider();
    using var scope = provider.CreateScope();
    await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
    return provider;
}

List<LedgerEntry> Rows(int from, int count) => [.. Enumerable.Range(from, count).Select(i => LedgerEntry.Create("bench.entry", $"bench:{i}",
    LedgerRecords.Envelope("bench.entry", $"bench:{i}", DateTimeOffset.UnixEpoch.AddSeconds(i), new JsonObject { ["i"] = i, ["note"] = "원장 벤치마크 항목" }),
    DateTimeOffset.UnixEpoch.AddSeconds(i)))];

async Task SaveAsync(ServiceProvider services, int from, int count)
{
    for (var start = from; start < from + count; start += 1_000)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.LedgerEntries.AddRange(Rows(start, Math.Min(1_000, from + count - start)));
        await db.SaveChangesAsync();
    }
}

async Task SequenceAllAsync(ServiceProvider services)
{
    var sequencer = services.GetRequiredService<LedgerSequencer>();
    while (await sequencer.SequenceAsync(CancellationToken.None) > 0)
    {
    }
}

Say($"# Ledger on PostgreSQL ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores)");
Say("");
var tag = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
await using (var raw = await ServicesAsync("ledger_raw_" + tag))
await using (var durable = await ServicesAsync("ledger_durable_" + tag))
{
    await SaveAsync(raw, 0, 1_000); // warm-up: JIT and plans
    await SaveAsync(durable, 0, 1_000);
    await SequenceAllAsync(durable);
    var watch = Stopwatch.StartNew();
    await SaveAsync(raw, 1_000, appends);
    var rawSeconds = watch.Elapsed.TotalSeconds;
    watch.Restart();
    await SaveAsync(durable, 1_000, appends);
    await SequenceAllAsync(durable);
    var durableSeconds = watch.Elapsed.TotalSeconds;
    Say("| appends | raw batched INSERT /s | durable (saved + numbered + hashed) /s | durable ÷ raw |");
    Say("|---:|---:|---:|---:|");
    Say(string.Create(CultureInfo.InvariantCulture, $"| {appends:N0} | {appends / rawSeconds:N0} | {appends / durableSeconds:N0} | {rawSeconds / durableSeconds:F2} |"));
    Say("");
}

await using (var big = await ServicesAsync("ledger_proofs_" + tag))
{
    var fill = Stopwatch.StartNew();
    await SaveAsync(big, 0, proofSize);
    await SequenceAllAsync(big);
    await big.GetRequiredService<LedgerSequencer>().SignAsync(CancellationToken.None);
    Say(string.Create(CultureInfo.InvariantCulture, $"log of {proofSize:N0} entries filled in {fill.Elapsed.TotalSeconds:N0} s"));
    foreach (var kind in new[] { "inclusion", "consistency" })
    {
        var sorted = await TimeAsync(16, 500, async (worker, random) =>
        {
            using var scope = big.CreateScope();
            var read = scope.ServiceProvider.GetRequiredService<ReadLedger>();
            if (kind == "inclusion")
            {
                await read.InclusionAsync(random.NextInt64(proofSize), proofSize, CancellationToken.None);
            }
            else
            {
                await read.ConsistencyAsync(random.NextInt64(1, proofSize), proofSize, CancellationToken.None);
            }
        });
        Say(Figures($"{kind} proofs at {proofSize:N0}, in the process (no HTTP), 16 concurrent readers", sorted));
    }
    if (options.TryGetValue("app", out var appDll))
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        using var app = await StartAppAsync(appDll, server + ";Database=ledger_proofs_" + tag, url);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = new Uri(url) };
            foreach (var (kind, clients) in new[] { ("inclusion", 1), ("inclusion", 4), ("inclusion", 16), ("consistency", 1), ("consistency", 4), ("consistency", 16) })
            {
                var watch = Stopwatch.StartNew();
                var sorted = await TimeAsync(clients, 16_000 / clients, async (worker, random) =>
                {
                    var path = kind == "inclusion"
                        ? $"/api/v1/ledger/proofs/inclusion?index={random.NextInt64(proofSize)}&size={proofSize}"
                        : $"/api/v1/ledger/proofs/consistency?from={random.NextInt64(1, proofSize)}&to={proofSize}";
                    using var response = await http.GetAsync(path);
                    response.EnsureSuccessStatusCode();
                    await response.Content.ReadAsByteArrayAsync();
                });
                Say(Figures($"{kind} proofs at {proofSize:N0}, through the API (HTTP, real app), {clients} concurrent clients", sorted)
                    + string.Create(CultureInfo.InvariantCulture, $", {sorted.Count / watch.Elapsed.TotalSeconds:N0}/s"));
            }
            if (options.TryGetValue("cli", out var cli))
            {
                var audit = Stopwatch.StartNew();
                var (code, output) = Run("dotnet", cli, "audit", "--url", url);
                Say(string.Create(CultureInfo.InvariantCulture, $"mirae-ledger audit over {proofSize:N0} entries: {audit.Elapsed.TotalSeconds:F1} s (exit {code}: {output.Trim()})"));
            }
        }
        finally
        {
            app.Kill();
            await app.WaitForExitAsync();
        }
    }
}
var results = options.TryGetValue("out", out var o) ? o : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../results"));
Directory.CreateDirectory(results);
await File.WriteAllTextAsync(Path.Combine(results, "ledger.md"), log.ToString());

static async Task<List<double>> TimeAsync(int workers, int each, Func<int, Random, Task> one)
{
    var times = new System.Collections.Concurrent.ConcurrentBag<double>();
    await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
    {
        var random = new Random(worker);
        for (var i = 0; i < each; i++)
        {
            var watch = Stopwatch.StartNew();
            await one(worker, random);
            times.Add(watch.Elapsed.TotalMilliseconds);
            await Task.Yield();
        }
    })));
    return [.. times.Order()];
}

static string Figures(string what, List<double> sorted) => string.Create(CultureInfo.InvariantCulture,
    $"{what}, {sorted.Count:N0} proofs: p50 {sorted[sorted.Count / 2]:F2} ms, p95 {sorted[(int)(sorted.Count * 0.95)]:F2} ms, max {sorted[^1]:F1} ms");

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}

static (int Code, string Output) Run(string file, params string[] arguments)
{
    var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }
    using var process = Process.Start(start)!;
    var error = process.StandardError.ReadToEndAsync();
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return (process.ExitCode, output + error.Result);
}

// The real app in its own process on the benchmark's database, with the key that signed its checkpoint.
async Task<Process> StartAppAsync(string dll, string connection, string url)
{
    var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in new[] { dll, "--urls", url })
    {
        start.ArgumentList.Add(argument);
    }
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
    start.Environment["Database__Provider"] = "Postgres";
    start.Environment["ConnectionStrings__Default"] = connection;
    start.Environment["Seed__Demo"] = "false";
    start.Environment["Scheduler__Enabled"] = "false";
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    start.Environment["Ledger__SigningKeyPem"] = signingKey.PrivateKeyPem;
    start.Environment["Ledger__Origin"] = signingKey.KeyName;
    var process = Process.Start(start)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, _) => { };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
    for (var i = 0; i < 600; i++)
    {
        try
        {
            using var health = await http.GetAsync(url + "/health");
            if (health.IsSuccessStatusCode)
            {
                return process;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // not listening yet
        }
        await Task.Delay(200);
    }
    process.Kill();
    throw new InvalidOperationException("the app did not start on " + url);
}
