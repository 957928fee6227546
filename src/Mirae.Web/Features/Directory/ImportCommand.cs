namespace Mirae.Web.Features.Directory;

/// <summary>
/// <c>dotnet run --project src/Mirae.Web -- import &lt;folder&gt; [--Database:Provider=… --ConnectionStrings:Default=…]</c>:
/// imports the folder's CSV files, prints progress and a summary, and exits 1 listing every bad row.
/// </summary>
public static class ImportCommand
{
    public const string Verb = "import";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Verb;

    /// <summary>The arguments left for the host's configuration (the verb and the folder removed).</summary>
    public static string[] HostArguments(string[] args) => args.Length > 1 ? args[2..] : [];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            await output.WriteLineAsync("usage: dotnet run --project src/Mirae.Web -- import <folder> [--Database:Provider=Sqlite|Postgres] [--ConnectionStrings:Default=...]");
            return 2;
        }
        var folder = args[1];
        if (!System.IO.Directory.Exists(folder))
        {
            await output.WriteLineAsync($"error: folder not found: {folder}");
            return 2;
        }
        var present = ImportDirectory.Files.Where(f => File.Exists(Path.Combine(folder, f))).ToList();
        if (present.Count == 0)
        {
            await output.WriteLineAsync($"error: {folder} has none of {string.Join(", ", ImportDirectory.Files)}");
            return 2;
        }

        var streams = present.ToDictionary(f => f, f => (Stream)File.OpenRead(Path.Combine(folder, f)));
        ImportDirectory.Result result;
        try
        {
            using var scope = services.CreateScope();
            result = await scope.ServiceProvider.GetRequiredService<ImportDirectory>().HandleAsync(streams, new SynchronousProgress(output));
        }
        finally
        {
            foreach (var stream in streams.Values)
            {
                await stream.DisposeAsync();
            }
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync($"{"file",-20} {"inserted",9} {"updated",9} {"rejected",9}");
        foreach (var file in result.Files)
        {
            await output.WriteLineAsync($"{file.File,-20} {file.Inserted,9} {file.Updated,9} {file.Rejected,9}");
        }
        foreach (var error in result.Files.SelectMany(f => f.Errors))
        {
            await output.WriteLineAsync(error);
        }
        return result.Succeeded ? 0 : 1;
    }

    /// <summary>Prints progress as it happens (Progress&lt;T&gt; would post it to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine("  " + value);
    }
}
