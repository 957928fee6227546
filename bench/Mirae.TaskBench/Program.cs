using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Features.Applications;
using Mirae.Web.Features.Calls;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Tasks;

// Funded-task benchmark: `bash bench/tasks.sh [tasks] [expenses-per-task]` (defaults 1,000 and 200), on SQLite and on a
// private PostgreSQL.
// 1. Settlement of a whole program: every task's settlement and every expense's automatic checks, computed from the
//    database the way the pages do (plan in force, expenses, payments). Target ≤ 10 s.
// 2. A task's expense page with 2,000 expenses through the real app (Release, its own process, signed in as staff),
//    200 requests one after another. Target p95 ≤ 100 ms.
// Prints the figures and writes bench/results/tasks.md.
var options = args.Select(a => a.Split('=', 2)).ToDictionary(p => p[0].TrimStart('-'), p => p.Length > 1 ? p[1] : "");
var taskCount = options.TryGetValue("tasks", out var t) ? int.Parse(t, CultureInfo.InvariantCulture) : 1_000;
var perTask = options.TryGetValue("expenses", out var e) ? int.Parse(e, CultureInfo.InvariantCulture) : 200;
var log = new StringBuilder();
void Say(string line)
{
    Console.WriteLine(line);
    log.AppendLine(line);
}

Say($"# Funded tasks ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores)");
Say("");
var work = Directory.CreateTempSubdirectory("mirae-taskbench-").FullName;
var databases = new List<(string Name, DatabaseProvider Provider, string Connection)> { ("SQLite", DatabaseProvider.Sqlite, $"Data Source={Path.Combine(work, "tasks.db")}") };
if (options.TryGetValue("postgres", out var pg) && pg.Length > 0)
{
    databases.Add(("PostgreSQL", DatabaseProvider.Postgres, pg + ";Database=tasks_" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture)));
}
Say("| database | tasks × expenses | seed | settle all + checks | per task |");
Say("|---|---:|---:|---:|---:|");
var pageDatabase = databases[0];
var pageTaskId = 0;
foreach (var (name, provider, connection) in databases)
{
    var services = new ServiceCollection();
    services.AddDbContext<AppDbContext>(o => DataModule.UseProvider(o, provider, connection));
    await using var provided = services.BuildServiceProvider();
    var seed = Stopwatch.StartNew();
    int pageTask;
    using (var scope = provided.CreateScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        pageTask = await SeedAsync(db, taskCount, perTask);
    }
    var seeded = seed.Elapsed.TotalSeconds;
    var holidays = new KoreanHolidays().Dates;
    var watch = Stopwatch.StartNew();
    long toReturn = 0, flagged = 0;
    using (var scope = provided.CreateScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tasks = await db.FundedTasks.AsNoTracking().Include(x => x.Agreements).Include(x => x.Installments).Where(x => x.Id != pageTask).ToListAsync();
        var numbers = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.BusinessNumber);
        var expenses = (await db.Expenses.AsNoTracking().Where(x => x.TaskId != pageTask)
                .Select(x => new { x.TaskId, x.Id, x.SpentOn, x.Category, x.Amount, x.VendorNumber, x.DisallowedAmount, HasEvidence = x.EvidenceId != null }).ToListAsync())
            .ToLookup(x => x.TaskId);
        foreach (var task in tasks)
        {
            var plan = task.InForce!.Terms.Budget;
            var own = expenses[task.Id];
            var result = Settlement.Compute(plan, [.. own.Select(x => new Settlement.Spent(x.Category, x.Amount, x.DisallowedAmount))],
                task.Installments.Where(i => i.PaidAt != null).Sum(i => i.Amount));
            var checks = ExpenseChecks.Compute([.. own.Select(x => new ExpenseChecks.Input(x.Id, x.SpentOn, x.Category, x.Amount, x.VendorNumber, x.HasEvidence))],
                plan, [numbers[task.OrganizationId]], holidays);
            toReturn += result.ToReturn;
            flagged += checks.Count(c => c.Value.Count > 0);
        }
        var seconds = watch.Elapsed.TotalSeconds;
        Say(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {tasks.Count:N0} × {perTask:N0} | {seeded:N0} s | **{seconds:F2} s** | {seconds * 1000 / tasks.Count:F2} ms |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ({flagged:N0} expenses flagged, {toReturn:N0} won to return)"));
    }
    if (name == "SQLite")
    {
        pageDatabase = (name, provider, connection);
        pageTaskId = pageTask;
    }
}
if (options.TryGetValue("app", out var app))
{
    Say("");
    await PageAsync(app, pageDatabase.Provider, pageDatabase.Connection, pageTaskId);
    Say(PageFigures.Last);
}
var results = options.TryGetValue("out", out var o) ? o : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../results"));
Directory.CreateDirectory(results);
await File.WriteAllTextAsync(Path.Combine(results, "tasks.md"), log.ToString());

// One program: an organization per task, a call, applications, tasks planned, agreed and paid, expenses with checks to
// find (weekends, split purchases, missing evidence); one more task with 2,000 expenses for the page. Returns that task.
static async Task<int> SeedAsync(AppDbContext db, int taskCount, int perTask)
{
    var now = DateTimeOffset.UtcNow;
    var program = SupportProgram.Create(ProgramKind.Localization, "벤치 사업", "Bench program", "", "", now);
    var call = Call.Draft(program, new Call.Terms(2026, "벤치 공모", "Bench call", "", "", now.AddDays(-1), now.AddDays(30), 1_000_000_000_000m, 100_000_000m, taskCount + 1,
        Eligibility.Anyone, [], [], []), now);
    call.Publish(now);
    db.Calls.Add(call);
    var organizations = new List<Organization>();
    for (var i = 0; i <= taskCount; i++) // one application per organization and call
    {
        var digits = (1_000_000_000L + i * 79).ToString(CultureInfo.InvariantCulture)[..9];
        var number = Enumerable.Range(0, 10).Select(c => Mirae.Web.Features.Accounts.BusinessNumber.TryParse(digits + c, out var n) ? n : null).First(n => n is not null);
        var organization = Organization.Create(number!.Value);
        organization.Update(OrganizationKind.Supplier, $"벤치기업{i}", $"Bench {i}", "인천광역시 연수구", "Incheon", 30, 2015, null, now);
        organizations.Add(organization);
    }
    db.Organizations.AddRange(organizations);
    await db.SaveChangesAsync();
    var random = new Random(2026);
    var vendors = new[] { "1248100998", "9098603085" };
    var start = new DateOnly(2027, 1, 1);
    int last = 0;
    for (var batch = 0; batch <= taskCount; batch += 50)
    {
        var tasks = new List<FundedTask>();
        for (var i = batch; i < Math.Min(batch + 50, taskCount + 1); i++)
        {
            var application = Application.Start(call, organizations[i].Id, Guid.Empty, now);
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            const long Grant = 100_000_000;
            var task = FundedTask.Create(FundedTask.NumberOf(2026, call.Id, i + 1), call.Id, application.Id, application.OrganizationId, $"벤치 과제 {i}", Grant,
                FundingRules.Default, StartTasks.DefaultObligations, start, now);
            task.Plan(task.StartsOn, task.EndsOn, [new BudgetLine(ExpenseCategory.Personnel, 60_000_000, 40_000_000, 0), new BudgetLine(ExpenseCategory.Materials, 30_000_000, 0, 0),
                new BudgetLine(ExpenseCategory.Activities, 10_000_000, 0, 0)], [(Grant, InstallmentCondition.AgreementSigned)], "", now);
            task.Issue(Guid.Empty, now);
            task.Accept(1, Guid.Empty, now);
            task.Pay(1, Guid.Empty, now);
            db.FundedTasks.Add(task);
            tasks.Add(task);
        }
        await db.SaveChangesAsync();
        foreach (var task in tasks)
        {
            var count = task == tasks[^1] && batch + 50 > taskCount ? 2_000 : perTask;
            for (var k = 0; k < count; k++)
            {
                var category = (ExpenseCategory)new[] { 0, 4, 3 }[k % 3];
                var (expense, _) = Expense.Make(task, start.AddDays(random.Next(0, 360)), category, random.NextInt64(100_000, 1_500_000), vendors[k % 2], "벤치거래처",
                    "벤치 집행", ExpenseSource.Import, Guid.Empty, now);
                db.Expenses.Add(expense!);
            }
            last = task.Id;
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
    return last;
}

// The expense page of the task with 2,000 expenses, through the real app, signed in as the first administrator.
static async Task PageAsync(string dll, DatabaseProvider provider, string connection, int taskId)
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";
    listener.Stop();
    var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in new[] { dll, "--urls", url })
    {
        start.ArgumentList.Add(argument);
    }
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
    start.Environment["Database__Provider"] = provider.ToString();
    start.Environment["ConnectionStrings__Default"] = connection;
    start.Environment["Seed__Demo"] = "false";
    start.Environment["Scheduler__Enabled"] = "false";
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    start.Environment["Admin__Email"] = "bench-admin@bench.mirae.local";
    start.Environment["Admin__Password"] = "bench-Admin-2026!";
    start.Environment["RateLimiting__SignInPermitLimit"] = "10000";
    using var process = Process.Start(start)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, _) => { };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    try
    {
        using var handler = new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        for (var i = 0; ; i++)
        {
            try
            {
                using var health = await http.GetAsync("/health");
                if (health.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (i < 600)
            {
            }
            await Task.Delay(200);
        }
        var signIn = await http.GetStringAsync("/account/sign-in");
        var token = Regex.Match(signIn, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "bench-admin@bench.mirae.local", ["Input.Password"] = "bench-Admin-2026!", ["__RequestVerificationToken"] = token,
        });
        using var signedIn = await http.PostAsync("/account/sign-in", form);
        var path = $"/tasks/{taskId}/expenses";
        using (var first = await http.GetAsync(path))
        {
            first.EnsureSuccessStatusCode();
        }
        var times = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        PageFigures.Last = string.Create(CultureInfo.InvariantCulture,
            $"expense page of a task with 2,000 expenses (real app, {provider}, 200 requests one after another): p50 {times[100]:F1} ms, **p95 {times[190]:F1} ms**, max {times[^1]:F1} ms");
    }
    finally
    {
        process.Kill();
        await process.WaitForExitAsync();
    }
}

static class PageFigures
{
    public static string Last { get; set; } = "";
}
