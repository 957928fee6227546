using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Sourcing;

// Matching benchmark: imports the demo directory into a fresh database through the app's import command, grows it to
// N products (default 100,000) by copying the demo products with their specifications and certificates, posts one
// need per localization target (30), and times matching every need (top 20) with the app's own code.
// Run through bench/matching.sh (SQLite and a private PostgreSQL); target: all 30 needs in ≤ 2 s.
var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
var provider = Enum.Parse<DatabaseProvider>(options["provider"], ignoreCase: true);
var connection = options["connection"];
var target = int.Parse(options.GetValueOrDefault("products", "100000"), CultureInfo.InvariantCulture);
var app = options["app"];
var results = options["out"];

var log = new StringBuilder();
void Say(string line)
{
    Console.WriteLine(line);
    log.AppendLine(line);
}

Say($"# Matching, {provider}, {target:N0} products ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores)");
using (var import = Process.Start(new ProcessStartInfo("dotnet", [app, "import", Path.Combine(Path.GetDirectoryName(app)!, "Data", "Seed", "directory"),
    $"--Database:Provider={provider}", $"--ConnectionStrings:Default={connection}", "--Logging:LogLevel:Default=Warning"]) { WorkingDirectory = Path.GetDirectoryName(app)! })!)
{
    await import.WaitForExitAsync();
    if (import.ExitCode != 0)
    {
        throw new InvalidOperationException("import failed");
    }
}

DbContextOptions<AppDbContext> Options()
{
    var builder = new DbContextOptionsBuilder<AppDbContext>();
    DataModule.UseProvider(builder, provider, connection);
    if (options.ContainsKey("sql"))
    {
        builder.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted], Microsoft.Extensions.Logging.LogLevel.Information);
    }
    return builder.Options;
}

var watch = Stopwatch.StartNew();
await using (var db = new AppDbContext(Options()))
{
    var templates = await db.Products.AsNoTracking().Include(p => p.Specifications).Include(p => p.Certificates).OrderBy(p => p.Id).ToListAsync();
    var materials = await db.Materials.Include(m => m.Category).ToDictionaryAsync(m => m.Id);
    var suppliers = await db.Organizations.Where(o => o.Kind == OrganizationKind.Supplier).ToListAsync();
    var now = DateTimeOffset.UtcNow;
    for (var i = templates.Count; i < target;)
    {
        var batch = Math.Min(5_000, target - i);
        for (var k = 0; k < batch; k++, i++)
        {
            var template = templates[i % templates.Count];
            var product = Product.Create(suppliers[i % suppliers.Count], $"GEN-{i:D7}");
            product.Update(materials[template.MaterialId], template.NameKo, template.NameEn, null, null,
                template.Specifications.Select(s => KeyValuePair.Create(s.Key, s.Value)),
                template.Certificates.Select(c => (c.Code, c.IssuedOn.AddDays(i % 400 - 200), c.ExpiresOn.AddDays(i % 400 - 200))), now);
            db.Products.Add(product);
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        suppliers = await db.Organizations.Where(o => o.Kind == OrganizationKind.Supplier).ToListAsync();
        materials = await db.Materials.Include(m => m.Category).ToDictionaryAsync(m => m.Id);
    }
    Say($"products: {await db.Products.CountAsync():N0} (filled in {watch.Elapsed.TotalSeconds:N0} s)");

    // One need per localization target: its most common specification value (soft) and most common certificate (hard).
    var buyer = await db.Organizations.FirstAsync(o => o.Kind == OrganizationKind.Buyer);
    var targets = await db.Materials.Where(m => m.LocalizationTargetYear != null).OrderBy(m => m.Code).Take(30).ToListAsync();
    foreach (var material in targets)
    {
        var sample = templates.Where(t => t.MaterialId == material.Id).ToList();
        var spec = sample.SelectMany(t => t.Specifications).GroupBy(s => (s.Key, s.Value)).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var certificate = sample.SelectMany(t => t.Certificates).GroupBy(c => c.Code).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        db.Needs.Add(Need.Post(buyer.Id, new Need.Terms(material.Id, $"{material.NameKo} 국산 공급처", "", spec.Key is null ? [] : [new SpecRequirement(spec.Key, spec.Value, null, null, false)],
            certificate is null ? [] : [certificate], "", null, NeedVisibility.Public, []), Guid.Empty, now));
    }
    await db.SaveChangesAsync();
    Say($"needs: {targets.Count}");
}

var times = new List<double>();
var total = Stopwatch.StartNew();
var matched = 0;
await using (var db = new AppDbContext(Options()))
{
    var needs = new MatchNeeds(db, TimeProvider.System);
    var all = await db.Needs.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
    await needs.HandleAsync(all[0], 20, CancellationToken.None); // warm-up: JIT and the first query plans
    foreach (var need in all)
    {
        var one = Stopwatch.StartNew();
        await needs.HandleAsync(need, 20, CancellationToken.None);
        times.Add(one.Elapsed.TotalMilliseconds);
    }
    // The batch the target is about: every need at once, each category's products loaded once.
    total.Restart();
    matched = (await needs.AllAsync(all, 20, CancellationToken.None)).Values.Sum(m => m.Count);
    total.Stop();
}
times.Sort();
Say(string.Create(CultureInfo.InvariantCulture,
    $"matching all {times.Count} needs at once (top 20 each, {matched} matches): {total.Elapsed.TotalMilliseconds:F0} ms (target ≤ 2,000 ms) -> {(total.Elapsed.TotalMilliseconds <= 2000 ? "MET" : "NOT MET")}; one need at a time (the page and API): median {times[times.Count / 2]:F0} ms, worst {times[^1]:F0} ms, sum {times.Sum():F0} ms"));
Directory.CreateDirectory(results);
await File.WriteAllTextAsync(Path.Combine(results, $"matching-{provider.ToString().ToLowerInvariant()}-{target}.md"), log.ToString());
return 0;
