using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mirae.Web.Data;
using Mirae.Web.Features.Directory;
using Npgsql;

// Directory search benchmark: fills a database with N products (the demo directory's 2,080 as templates),
// starts the real app on Kestrel, and measures /api/v1/products latency (p50/p95) for fixed Korean and English
// queries beside the engine's own time for the same SQL and a LIKE '%…%' scan. Run through bench/search.sh.
if (args is ["--bare", var listenPort])
{
    // Started by the benchmark below in a process of its own, as the app is: a bare ASP.NET Core endpoint that keeps
    // one core busy for ?work= milliseconds and returns a constant, so that the results show what HTTP alone costs on
    // this machine around as much work as the engine did.
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    var web = builder.Build();
    web.MapGet("/", (double? work) =>
    {
        Measure.Spin(TimeSpan.FromMilliseconds(work ?? 0));
        return Results.Json(new { total = 0, totalExact = true, items = Array.Empty<int>() });
    });
    await web.RunAsync($"http://127.0.0.1:{listenPort}");
    return 0;
}
var options = Args.Parse(args);
var provider = Enum.Parse<DatabaseProvider>(options["provider"], ignoreCase: true);
var connection = options["connection"];
var products = int.Parse(options["products"], CultureInfo.InvariantCulture);
var app = options["app"];
var results = options["out"];
var repetitions = int.Parse(options.GetValueOrDefault("repetitions", "200"), CultureInfo.InvariantCulture);
var scans = int.Parse(options.GetValueOrDefault("scans", "1"), CultureInfo.InvariantCulture);
var warmup = int.Parse(options.GetValueOrDefault("warmup", "20"), CultureInfo.InvariantCulture);

// Typed as people type them too (issue 17): compounds without spaces, split by the vocabulary; English word forms, stemmed.
string[] queries = ["바이러스", "배지", "필터", "마개", "멸균", "세포배양 배지", "일회용 백", "바이러스 필터", "바이러스필터", "일회용백", "virus", "filter",
    "filters", "culture medium", "stopper", "sterile", "bag"];
// Filtered searches (the certificate facet, issue 17.7): through the API only, counted exactly.
string[] filtered = ["cert=ISO13485", "cert=ISO9001&q=필터", "cert=USP87&q=bag"];
var log = new StringBuilder();
void Say(string line)
{
    Console.WriteLine(line);
    log.AppendLine(line);
}

Say($"# Directory search, {provider}, {products:N0} products ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores)");
var clock = Stopwatch.StartNew();
if (await Generator.CountAsync(provider, connection) >= products)
{
    Say("database already filled: reused");
}
else
{
    await RunAsync(app, ["import", Path.Combine(Path.GetDirectoryName(app)!, "Data", "Seed", "directory"), $"--Database:Provider={provider}",
        $"--ConnectionStrings:Default={connection}", "--Logging:LogLevel:Default=Warning"]);
    await Generator.FillAsync(provider, connection, products);
    Say($"database filled in {clock.Elapsed.TotalSeconds:N0} s");
}

var port = Free.Port();
using var server = Process.Start(new ProcessStartInfo("dotnet", [app, "--urls", $"http://127.0.0.1:{port}", $"--Database:Provider={provider}",
    $"--ConnectionStrings:Default={connection}", "--Seed:Demo=false", "--Logging:LogLevel:Default=Warning", "--Admin:Password=bench-Only-2026!"])
{ RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(app)! })!;
server.OutputDataReceived += (_, _) => { };
server.ErrorDataReceived += (_, _) => { };
server.BeginOutputReadLine();
server.BeginErrorReadLine();
var barePort = Free.Port();
using var bareServer = Process.Start(new ProcessStartInfo("dotnet", [typeof(Args).Assembly.Location, "--bare", barePort.ToString(CultureInfo.InvariantCulture)])
{ RedirectStandardOutput = true, RedirectStandardError = true })!;
bareServer.OutputDataReceived += (_, _) => { };
bareServer.ErrorDataReceived += (_, _) => { };
bareServer.BeginOutputReadLine();
bareServer.BeginErrorReadLine();
using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
using var bareHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{barePort}") };
await WaitForAsync(http, "/health");
await WaitForAsync(bareHttp, "/");

await using var db = Generator.Open(provider, connection);
await db.Database.OpenConnectionAsync();
// The app's own part without HTTP: the API's handler as the endpoint calls it, through a request scope, the pooled
// context and a connection from the pool, then its rows written as JSON.
await using var inProcess = InProcess.Create(provider, connection);
// Steady state: the app's and this process's code compiled at its final tier, and the pages each query reads in memory.
foreach (var query in queries)
{
    for (var i = 0; i < warmup; i++)
    {
        await http.GetStringAsync(Url(query));
        await Engine.RequestAsync(db, query);
        await inProcess.SearchAsync(query);
        (await http.GetAsync("/api/v1/me")).Dispose();
        await bareHttp.GetStringAsync("/");
    }
}
await Task.Delay(TimeSpan.FromSeconds(5)); // the runtime compiles hot methods again in the background after a while
Say("");
Say($"{repetitions} requests per query after a warm-up of {warmup}. Engine: the SQL the API runs for the request (capped count, page of ids, their rows)");
Say("on one open connection, no HTTP, DI or JSON; search: the count and the page of ids alone. HTTP floor: an anonymous");
Say("GET /api/v1/me (401, no database) timed in the same loop, the cost of HTTP and the app's middleware with no work at all;");
Say("in process: the API's handler (SearchProducts) through a request scope, the pooled context and a pooled connection, and its rows");
Say("as JSON, in this process without HTTP: what the app itself adds to the engine;");
Say("bare HTTP: a bare ASP.NET Core endpoint in a process of its own (no middleware, no database) that keeps a core busy for as long as");
Say("the engine took in the same round, then returns a constant; bare ÷ engine is the best ratio any app could reach on this machine.");
Say("");
Say("| query | matches | API p50 ms | API p95 ms | engine p50 ms | engine p95 ms | API p95 ÷ engine p95 | in process p50 / p95 ms | in process p95 ÷ engine p95 | search p95 ms | HTTP floor p50 / p95 ms | bare HTTP p50 / p95 ms | bare p95 ÷ engine p95 | LIKE scan ms | scan ÷ API p95 |");
Say("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
var apiP95s = new List<double>();
var ratios = new List<double>();
var speedups = new List<double>();
var added = new List<double>();
var floors = new List<double>();
var bareRatios = new List<double>();
var inProcessRatios = new List<double>();
foreach (var query in queries)
{
    var url = Url(query);
    var page = (await http.GetFromJsonAsync<Page>(url))!;
    var total = page.TotalExact ? page.Total.ToString("N0", CultureInfo.InvariantCulture) : $"> {page.Total:N0}";
    // Interleaved, so that a burst of background work on this small machine falls on all of them alike.
    var (api, engine, search, floor, bare, own) = (new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>());
    // Ten rounds first that are not kept: after the pause (or the previous query's LIKE scan) the server's threads and
    // caches are cold, and the first query measured would carry that alone. Each HTTP request follows 1–5 ms of the
    // client's own work (the engine, the search, or a 2 ms spin before the bare endpoint), never another request: a
    // request right after a request finds client and server threads awake and costs about half a millisecond less.
    for (var i = -10; i < repetitions; i++)
    {
        var engineTime = await Measure.TimeAsync(() => Engine.RequestAsync(db, query));
        var apiTime = await Measure.TimeAsync(async () => await http.GetStringAsync(url));
        var searchTime = await Measure.TimeAsync(() => Engine.MatchAsync(db, query));
        var floorTime = await Measure.TimeAsync(async () => (await http.GetAsync("/api/v1/me")).Dispose());
        // The app in process right after a bare request, as the engine is in the next round: work right after other
        // work runs about 15 % faster on this machine, so the two must follow the same thing to be compared.
        var bareTimes = new double[2];
        Measure.Spin(TimeSpan.FromMilliseconds(2));
        bareTimes[0] = await Measure.TimeAsync(async () => await bareHttp.GetStringAsync(
            string.Create(CultureInfo.InvariantCulture, $"/?work={engineTime:F3}")));
        var ownTime = await Measure.TimeAsync(() => inProcess.SearchAsync(query));
        Measure.Spin(TimeSpan.FromMilliseconds(2));
        bareTimes[1] = await Measure.TimeAsync(async () => await bareHttp.GetStringAsync(
            string.Create(CultureInfo.InvariantCulture, $"/?work={engineTime:F3}")));
        if (i >= 0)
        {
            api.Add(apiTime);
            engine.Add(engineTime);
            search.Add(searchTime);
            floor.Add(floorTime);
            bare.AddRange(bareTimes);
            own.Add(ownTime);
        }
    }
    var scan = await Measure.TimesAsync(scans, () => Engine.ScanAsync(db, provider, query));
    apiP95s.Add(Measure.P(api, 95));
    ratios.Add(Measure.P(api, 95) / Math.Max(0.01, Measure.P(engine, 95)));
    speedups.Add(Measure.P(scan, 50) / Math.Max(0.01, Measure.P(api, 95)));
    added.Add(Measure.P(api, 95) - Measure.P(engine, 95));
    floors.Add(Measure.P(floor, 95));
    bareRatios.Add(Measure.P(bare, 95) / Math.Max(0.01, Measure.P(engine, 95)));
    inProcessRatios.Add(Measure.P(own, 95) / Math.Max(0.01, Measure.P(engine, 95)));
    Say(string.Create(CultureInfo.InvariantCulture,
        $"| {query} | {total} | {Measure.P(api, 50):F1} | {Measure.P(api, 95):F1} | {Measure.P(engine, 50):F1} | {Measure.P(engine, 95):F1} | {Measure.P(api, 95) / Math.Max(0.01, Measure.P(engine, 95)):F2} | {Measure.P(own, 50):F1} / {Measure.P(own, 95):F1} | {Measure.P(own, 95) / Math.Max(0.01, Measure.P(engine, 95)):F2} | {Measure.P(search, 95):F1} | {Measure.P(floor, 50):F2} / {Measure.P(floor, 95):F2} | {Measure.P(bare, 50):F1} / {Measure.P(bare, 95):F1} | {Measure.P(bare, 95) / Math.Max(0.01, Measure.P(engine, 95)):F2} | {Measure.P(scan, 50):F0} | {Measure.P(scan, 50) / Math.Max(0.01, Measure.P(api, 95)):F0}× |"));
}
Say("");
Say(string.Create(CultureInfo.InvariantCulture, $"worst API p95: {apiP95s.Max():F1} ms (target ≤ 30 ms at 1M products)"));
Say(string.Create(CultureInfo.InvariantCulture, $"worst API p95 ÷ engine p95: {ratios.Max():F2} (target ≤ 1.5); smallest scan ÷ API p95: {speedups.Min():F0}× (target ≥ 20×)"));
Say(string.Create(CultureInfo.InvariantCulture, $"API p95 − engine p95: {added.Min():F1} to {added.Max():F1} ms; HTTP floor p95: {floors.Min():F2} to {floors.Max():F2} ms; bare p95 ÷ engine p95: {bareRatios.Min():F2} to {bareRatios.Max():F2}"));
Say(string.Create(CultureInfo.InvariantCulture, $"in process (the app without HTTP) p95 ÷ engine p95: {inProcessRatios.Min():F2} to {inProcessRatios.Max():F2}"));
Say("");
Say("Filtered by certificate (the facet's query: valid certificates of the code, exact count), through the API:");
Say("");
Say("| query | matches | API p50 ms | API p95 ms |");
Say("|---|---:|---:|---:|");
foreach (var filter in filtered)
{
    var url = "/api/v1/products?pageSize=20&" + filter;
    var page = (await http.GetFromJsonAsync<Page>(url))!;
    var times = new List<double>();
    for (var i = -10; i < repetitions / 4; i++)
    {
        var time = await Measure.TimeAsync(async () => await http.GetStringAsync(url));
        if (i >= 0)
        {
            times.Add(time);
        }
    }
    Say(string.Create(CultureInfo.InvariantCulture, $"| {filter} | {page.Total:N0} | {Measure.P(times, 50):F1} | {Measure.P(times, 95):F1} |"));
}
server.Kill(entireProcessTree: true);
bareServer.Kill(entireProcessTree: true);
Directory.CreateDirectory(results);
await File.WriteAllTextAsync(Path.Combine(results, $"search-{provider.ToString().ToLowerInvariant()}-{products}.md"), log.ToString());
return 0;

static async Task WaitForAsync(HttpClient http, string path)
{
    for (var i = 0; ; i++)
    {
        try
        {
            if ((await http.GetAsync(path)).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException) when (i < 120)
        {
        }
        await Task.Delay(500);
    }
}

static string Url(string query) => "/api/v1/products?pageSize=20&q=" + Uri.EscapeDataString(query);

static async Task RunAsync(string app, string[] args)
{
    using var process = Process.Start(new ProcessStartInfo("dotnet", [app, .. args]) { WorkingDirectory = Path.GetDirectoryName(app)! })!;
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"dotnet {app} {string.Join(' ', args)} exited {process.ExitCode}");
    }
}

internal sealed record Page(int Total, bool TotalExact);

/// <summary>The API's search handler run as the app runs it, minus HTTP: a request scope, the context pool, JSON.</summary>
internal sealed class InProcess(ServiceProvider services) : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static InProcess Create(DatabaseProvider provider, string connection)
    {
        var services = new ServiceCollection();
        services.AddDbContextPool<AppDbContext>(db => DataModule.UseProvider(db, provider, connection));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<SearchProducts>();
        services.AddSingleton<FacetCache>();
        services.AddSingleton<SearchVocabularySource>();
        return new InProcess(services.BuildServiceProvider());
    }

    public async Task SearchAsync(string query)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SearchProducts>()
            .HandleAsync(new SearchProducts.Query(query, WithFacets: false));
        JsonSerializer.SerializeToUtf8Bytes(result.Page.Items, Json);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}

internal static class Args
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }
        return options;
    }
}

internal static class Free
{
    public static int Port()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

internal static class Measure
{
    public static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }

    public static async Task<List<double>> TimesAsync(int count, Func<Task> action)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    public static void Spin(TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            Thread.SpinWait(100);
        }
    }

    public static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>The engine on its own (the same SQL as the app for a plain query), and a substring scan.</summary>
internal static class Engine
{
    /// <summary>The app's vocabulary (read once a minute there too), so the engine runs the very terms the API runs.</summary>
    private static readonly SearchVocabularySource Vocabulary = new(TimeProvider.System);

    /// <summary>What the API asks the engine for a plain query: the capped count and the first page of ids.</summary>
    public static async Task<List<int>> MatchAsync(AppDbContext db, string query)
    {
        var terms = SearchAnalyzer.Query(query, await Vocabulary.GetAsync(db, CancellationToken.None));
        var matches = await ProductSearch.CountAsync(db, terms, SearchProducts.CountCap, CancellationToken.None);
        return await ProductSearch.TopAsync(db, terms, matches, SearchProducts.CountCap, 0, 20, CancellationToken.None);
    }

    /// <summary>All the SQL of the API's request: the match, then the rows of the page.</summary>
    public static async Task RequestAsync(AppDbContext db, string query) =>
        await SearchProducts.LoadRowsAsync(db, await MatchAsync(db, query), CancellationToken.None);

    public static Task ScanAsync(AppDbContext db, DatabaseProvider provider, string query)
    {
        var words = query.Split(' ');
        var columns = provider == DatabaseProvider.Sqlite ? new[] { "NameKo", "NameEn", "DescriptionKo", "DescriptionEn" } : ["\"NameKo\"", "\"NameEn\"", "\"DescriptionKo\"", "\"DescriptionEn\""];
        var where = string.Join(" AND ", words.Select((_, i) => "(" + string.Join(" OR ", columns.Select(c => $"lower({c}) LIKE $w{i}")) + ")"));
        var table = provider == DatabaseProvider.Sqlite ? "Products" : "\"Products\"";
        var sql = $"SELECT count(*) FROM {table} WHERE {where}";
        if (provider == DatabaseProvider.Postgres)
        {
            sql = sql.Replace("$w", "@w", StringComparison.Ordinal);
        }
        var prefix = provider == DatabaseProvider.Sqlite ? "$w" : "@w";
        return Scalar(db.Database.GetDbConnection(), sql, words.Select((w, i) => (prefix + i, "%" + w.ToLowerInvariant() + "%")).ToArray());
    }

    private static async Task Scalar(DbConnection connection, string sql, params (string Name, string Value)[] parameters)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        await command.ExecuteScalarAsync();
    }
}

/// <summary>Adds generated products modelled on the demo directory, with search text computed by the app's own entity code.</summary>
internal static class Generator
{
    public static AppDbContext Open(DatabaseProvider provider, string connection)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DataModule.UseProvider(options, provider, connection);
        return new AppDbContext(options.Options);
    }

    /// <summary>Products already in the database (none when it has no schema yet), so that a filled one is reused.</summary>
    public static async Task<int> CountAsync(DatabaseProvider provider, string connection)
    {
        await using var db = Open(provider, connection);
        try
        {
            return await db.Products.CountAsync();
        }
        catch (DbException)
        {
            return 0;
        }
    }

    public static async Task FillAsync(DatabaseProvider provider, string connection, int target)
    {
        await using var db = Open(provider, connection);
        var existing = await db.Products.CountAsync();
        if (existing >= target)
        {
            return;
        }
        var templates = await db.Products.AsNoTracking().Include(p => p.Organization).Include(p => p.Material).ThenInclude(m => m.Category)
            .OrderBy(p => p.Id).ToListAsync();
        var suppliers = templates.Select(t => t.Organization).DistinctBy(o => o.Id).ToList();
        var now = DateTimeOffset.UtcNow;
        var rows = Enumerable.Range(existing, target - existing).Select(i =>
        {
            var template = templates[i % templates.Count];
            var supplier = suppliers[(i / templates.Count + i) % suppliers.Count];
            var product = Product.Create(supplier, $"GEN-{i:D7}");
            product.Update(template.Material, template.NameKo + " " + (i % 97), template.NameEn, template.DescriptionKo, template.DescriptionEn, [], [], now);
            return (Supplier: supplier.Id, Material: template.Material.Id, Product: product);
        });

        var watch = Stopwatch.StartNew();
        if (provider == DatabaseProvider.Sqlite)
        {
            await using var sqlite = new SqliteConnection(connection);
            await sqlite.OpenAsync();
            await using var transaction = (SqliteTransaction)await sqlite.BeginTransactionAsync();
            await using var command = sqlite.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO Products (OrganizationId, MaterialId, Code, NameKo, NameEn, DescriptionKo, DescriptionEn, SearchName, SearchBody, UpdatedAt)
                VALUES ($o, $m, $c, $nk, $ne, $dk, $de, $sn, $sb, $u)
                """;
            var names = new[] { "$o", "$m", "$c", "$nk", "$ne", "$dk", "$de", "$sn", "$sb", "$u" };
            foreach (var name in names)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
            var count = 0;
            foreach (var (supplier, material, p) in rows)
            {
                object?[] values = [supplier, material, p.Code, p.NameKo, p.NameEn, p.DescriptionKo, p.DescriptionEn, p.SearchName, p.SearchBody, now.UtcTicks];
                for (var k = 0; k < values.Length; k++)
                {
                    command.Parameters[k].Value = values[k] ?? DBNull.Value;
                }
                await command.ExecuteNonQueryAsync();
                if (++count % 100_000 == 0)
                {
                    Console.WriteLine($"  {existing + count:N0} products ({watch.Elapsed.TotalSeconds:N0} s)");
                }
            }
            await transaction.CommitAsync();
        }
        else
        {
            await using var postgres = new NpgsqlConnection(connection);
            await postgres.OpenAsync();
            await using (var copy = await postgres.BeginBinaryImportAsync("""
                COPY "Products" ("OrganizationId", "MaterialId", "Code", "NameKo", "NameEn", "DescriptionKo", "DescriptionEn", "SearchName", "SearchBody", "UpdatedAt") FROM STDIN (FORMAT BINARY)
                """))
            {
                var count = 0;
                foreach (var (supplier, material, p) in rows)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(supplier);
                    await copy.WriteAsync(material);
                    await copy.WriteAsync(p.Code);
                    await copy.WriteAsync(p.NameKo);
                    await copy.WriteAsync(p.NameEn);
                    await copy.WriteAsync(p.DescriptionKo);
                    await copy.WriteAsync(p.DescriptionEn);
                    await copy.WriteAsync(p.SearchName);
                    await copy.WriteAsync(p.SearchBody);
                    await copy.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                    if (++count % 100_000 == 0)
                    {
                        Console.WriteLine($"  {existing + count:N0} products ({watch.Elapsed.TotalSeconds:N0} s)");
                    }
                }
                await copy.CompleteAsync();
            }
            // As autovacuum would leave it: statistics for the planner, and the visibility map that lets a count skip rows.
            await using var analyze = new NpgsqlCommand("VACUUM ANALYZE \"Products\"", postgres) { CommandTimeout = 0 };
            await analyze.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"  inserted {target - existing:N0} products in {watch.Elapsed.TotalSeconds:N0} s");
    }
}
