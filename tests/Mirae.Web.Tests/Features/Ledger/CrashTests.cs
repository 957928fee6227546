using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Mirae.Ledger;
using Mirae.Web.Data;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Ledger;

/// <summary>
/// The real app as its own process, killed with SIGKILL in the middle of a burst of decisions (staff writing notices
/// from eight connections), then started again: every decision the app acknowledged has its entry, every entry is
/// numbered once with no gap, and the log verifies from outside (mirae-ledger audit).
/// </summary>
[Collection("web")]
public sealed class CrashTests
{
    private const string Admin = "crash-admin@test.mirae.local";
    private const string Password = "crash-Test-2026!";

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task KilledDuringABurst_EveryAcknowledgedDecisionHasItsEntry_AndTheLogVerifies(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var database = (provider, test.ConnectionString);
        using var key = CheckpointSigner.Generate("mirae.crash.test/ledger");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var url = $"http://127.0.0.1:{port}";

        var app = await StartAsync(database, key, url);
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            using var client = Client(url);
            using (var signedIn = await client.SignInAsync(Admin, Password))
            {
                Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            }
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var title = $"충돌 시험 공지 {worker}-{i}";
                try
                {
                    using var saved = await client.SubmitAsync("/admin/notices/new", new Dictionary<string, string>
                    {
                        ["Input.Category"] = "Announcement", ["Input.TitleKo"] = title, ["Input.BodyKo"] = "본문",
                    });
                    if (saved.StatusCode == HttpStatusCode.Redirect)
                    {
                        acknowledged.Add(title);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Xunit.Sdk.XunitException)
                {
                    return; // the app is gone
                }
            }
        })).ToList();
        // Kill mid-burst: once enough decisions are acknowledged (a loaded machine takes longer than a quiet one), a moment later.
        var burst = DateTime.UtcNow.AddSeconds(90);
        while (acknowledged.Count < 30 && DateTime.UtcNow < burst)
        {
            await Task.Delay(100);
        }
        await Task.Delay(300);
        app.Kill(); // SIGKILL: no shutdown, no flush
        await app.WaitForExitAsync();
        app.Dispose();
        stop.Cancel();
        await Task.WhenAll(writers);

        app = await StartAsync(database, key, url);
        try
        {
            // The restarted sequencer numbers and signs what was committed before the kill.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && (Scalar(database, "SELECT COUNT(*) FROM \"LedgerEntries\" WHERE \"Index\" IS NULL") > 0
                || Scalar(database, "SELECT COALESCE(MAX(\"Size\"), 0) FROM \"LedgerCheckpoints\"") < Scalar(database, "SELECT COUNT(*) FROM \"LedgerEntries\"")))
            {
                await Task.Delay(200);
            }
            var (audit, auditOutput) = LedgerCli.Run("audit", "--url", url);

            var entries = Scalar(database, "SELECT COUNT(*) FROM \"LedgerEntries\"");
            var missing = acknowledged.Where(title => Scalar(database,
                $"SELECT COUNT(*) FROM \"Notices\" n JOIN \"LedgerEntries\" e ON e.\"Subject\" = 'notice:' || n.\"Id\" WHERE n.\"TitleKo\" = '{title}' AND e.\"Index\" IS NOT NULL") != 1).ToList();
            Assert.True(acknowledged.Count > 20, $"only {acknowledged.Count} decisions before the kill");
            Assert.Empty(missing);
            Assert.Equal(Scalar(database, "SELECT COUNT(*) FROM \"Notices\" WHERE \"TitleKo\" LIKE '충돌 시험 공지%'"), entries); // no entry without its notice either
            Assert.Equal(entries, Scalar(database, "SELECT COUNT(DISTINCT \"Index\") FROM \"LedgerEntries\""));
            Assert.Equal(entries - 1, Scalar(database, "SELECT MAX(\"Index\") FROM \"LedgerEntries\""));
            Assert.True(audit == 0, auditOutput);
        }
        finally
        {
            app.Kill();
            await app.WaitForExitAsync();
            app.Dispose();
            SqliteConnection.ClearAllPools();
        }
    }

    private static PageClient Client(string url) =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(20) });

    private static long Scalar((DatabaseProvider Provider, string Connection) database, string sql)
    {
        using System.Data.Common.DbConnection connection = database.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(database.Connection) : new Npgsql.NpgsqlConnection(database.Connection);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Starts the built app (src/Mirae.Web/bin/…/Mirae.Web.dll, same configuration as the tests) and waits for /health.</summary>
    private static async Task<Process> StartAsync((DatabaseProvider Provider, string Connection) database, CheckpointSigner key, string url)
    {
        var web = Path.Combine(LedgerCli.RepositoryRoot(), "src", "Mirae.Web");
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = web, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(web, "bin", configuration, "net10.0", "Mirae.Web.dll"), "--urls", url })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = database.Provider.ToString();
        start.Environment["ConnectionStrings__Default"] = database.Connection;
        start.Environment["Admin__Email"] = Admin;
        start.Environment["Admin__Password"] = Password;
        start.Environment["Seed__Demo"] = "false";
        start.Environment["Scheduler__Enabled"] = "false";
        start.Environment["RateLimiting__SignInPermitLimit"] = "10000";
        start.Environment["Ledger__SigningKeyPem"] = key.PrivateKeyPem;
        start.Environment["Ledger__Origin"] = key.KeyName;
        start.Environment["Ledger__Interval"] = "00:00:00.100";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 300; i++)
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
}
