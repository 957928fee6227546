using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Mirae.Benchmarks;

// Usage: dotnet run -c Release --project bench/Mirae.Benchmarks [-- --filter *Append*]
// Results (markdown, csv) go to bench/results/; the append target is checked and printed at the end.
var results = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../results"));
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .WithArtifactsPath(results)
    .WithOptions(ConfigOptions.JoinSummary);
var summaries = BenchmarkSwitcher.FromTypes([typeof(AppendBenchmarks), typeof(ProofBenchmarks)]).Run(args, config).ToList();

double? Mean(string description) => summaries.SelectMany(s => s.Reports)
    .FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Contains(description, StringComparison.Ordinal))
    ?.ResultStatistics?.Mean;

if (Mean("SHA-256") is double hashNs && Mean("Append") is double appendNs)
{
    var hashesPerSecond = 1e9 / hashNs;
    var appendsPerSecond = 1e9 / appendNs;
    var target = 0.5 * hashesPerSecond / 2;
    var line = string.Create(CultureInfo.InvariantCulture,
        $"SHA-256(64 B): {hashesPerSecond:N0}/s; appends: {appendsPerSecond:N0}/s; target (50 % of hash rate / 2): {target:N0}/s; " +
        $"ratio to hash rate / 2: {appendsPerSecond / (hashesPerSecond / 2):P0} -> {(appendsPerSecond >= target ? "MET" : "NOT MET")}");
    Console.WriteLine(line);
    Directory.CreateDirectory(results);
    File.WriteAllText(Path.Combine(results, "append-target.txt"), $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores\n{line}\n");
}
