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
// 2. Inclusion and consistency proofs over a log of the given size (default 1,000,000), 16 concurrent readers, each
//    proof read from the database (ReadLedger, the API's own code; the HTTP hop is not included). Target p95 ≤ 5 ms.
// Prints the figures and writes bench/results/ledger.md.
var options = args.Select(a => a.Split('=', 2)).ToDictionary(p => p[0].TrimStart('-'), p => p.Length > 1 ? p[1] : "");
var server = options["connection"];
var appends = options.TryGetValue("appends", out var a) ? int.Parse(a, CultureInfo.InvariantCulture) : 100_000;
var proofSize = options.TryGetValue("proof-size", out var p) ? int.Parse(p, CultureInfo.InvariantCulture) : 1_000_000;
var log = new StringBuilder();
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
    services.Configure<LedgerOptions>(o => o.Origin = "bench.mirae/ledger");
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
        var times = new System.Collections.Concurrent.ConcurrentBag<double>();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            for (var i = 0; i < 500; i++)
            {
                using var scope = big.CreateScope();
                var read = scope.ServiceProvider.GetRequiredService<ReadLedger>();
                var one = Stopwatch.StartNew();
                if (kind == "inclusion")
                {
                    read.InclusionProof(random.NextInt64(proofSize), proofSize);
                }
                else
                {
                    read.ConsistencyProof(random.NextInt64(1, proofSize), proofSize);
                }
                times.Add(one.Elapsed.TotalMilliseconds);
                await Task.Yield();
            }
        })));
        var sorted = times.Order().ToList();
        Say(string.Create(CultureInfo.InvariantCulture,
            $"{kind} proofs at {proofSize:N0}, 16 concurrent readers, {sorted.Count:N0} proofs: p50 {sorted[sorted.Count / 2]:F2} ms, p95 {sorted[(int)(sorted.Count * 0.95)]:F2} ms, max {sorted[^1]:F1} ms"));
    }
}
var results = options.TryGetValue("out", out var o) ? o : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../results"));
Directory.CreateDirectory(results);
await File.WriteAllTextAsync(Path.Combine(results, "ledger.md"), log.ToString());
