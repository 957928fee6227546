using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Lab;

// Seeds a large SOS Lab into a SQLite database for bench/lab.sh, which then loads its public pages through the real app:
// `--db=<file> --problems=N` (default 2,000): one challenge, N problems by 100 members with 20 supports and 2 ideas each,
// every tenth answered by an agency, every twentieth with a trial session of 10 participants who gave feedback.
// Prints the ids the script loads: "challenge <id>" and "problem <id>" (one with a session and feedback).
var options = args.Select(a => a.Split('=', 2)).ToDictionary(p => p[0].TrimStart('-'), p => p.Length > 1 ? p[1] : "");
var count = options.TryGetValue("problems", out var n) ? int.Parse(n, CultureInfo.InvariantCulture) : 2_000;
var services = new ServiceCollection();
services.AddDbContext<AppDbContext>(o => DataModule.UseProvider(o, DatabaseProvider.Sqlite, $"Data Source={options["db"]}"));
await using var provided = services.BuildServiceProvider();
using var scope = provided.CreateScope();
var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
var watch = Stopwatch.StartNew();
await db.Database.MigrateAsync();
await LabAgencies.EnsureAsync(db);
var now = DateTimeOffset.UtcNow;
var people = new List<Guid>();
for (var i = 0; i < 100; i++)
{
    var user = AppUser.Citizen($"lab-bench{i}@bench.mirae.local", $"벤치{i}", now);
    db.Users.Add(user);
    db.LabMembers.Add(LabMember.Adult(user.Id, $"벤치참여자{i}", District.YeonsuGu, now));
    people.Add(user.Id);
}
var day = TimeSpan.FromDays(1);
var challenge = Challenge.Open(new Challenge.Settings("벤치 통학로 안전", null, "벤치 과제 공간", [.. Enumerable.Range(0, 7).Select(i => now + (i * 30 - 1) * day)],
    50, 15, LabParticipation.AllMembers, true), now);
db.Challenges.Add(challenge);
await db.SaveChangesAsync();
var agency = await db.Agencies.Select(a => a.Id).FirstAsync();
var districts = Enum.GetValues<District>();
var categories = Enum.GetValues<ProblemCategory>();
var sample = 0;
for (var batch = 0; batch < count; batch += 200)
{
    var problems = new List<LabProblem>();
    for (var i = batch; i < Math.Min(batch + 200, count); i++)
    {
        var problem = LabProblem.Post(challenge.Id, people[i % 100], $"벤치 문제 {i}: 학교 앞 횡단보도", "아침마다 차가 많아 아이들이 건너기 어렵습니다. " + new string('가', 200),
            categories[i % categories.Length], districts[i % districts.Length], now - (i % 60) * day);
        for (var s = 0; s < 20; s++)
        {
            var supporter = people[(i + s + 1) % 100];
            if (supporter != problem.AuthorId)
            {
                problem.Supported(i % 5 == 0 ? 1 : 100, now);
            }
        }
        if (i % 10 == 0)
        {
            problem.AssignTo(agency, now);
            problem.AnswerWith(AnswerKind.Accepted, "벤치 기관 답변입니다.", Guid.Empty, now);
        }
        problems.Add(problem);
    }
    db.LabProblems.AddRange(problems);
    await db.SaveChangesAsync();
    foreach (var problem in problems)
    {
        var index = problems.IndexOf(problem) + batch;
        for (var s = 0; s < 20; s++)
        {
            var supporter = people[(index + s + 1) % 100];
            if (supporter != problem.AuthorId)
            {
                db.ProblemSupports.Add(ProblemSupport.Of(problem, supporter, now));
            }
        }
        db.Ideas.Add(Idea.Add(problem.Id, people[(index + 7) % 100], IdeaKind.Idea, "벤치 아이디어", now));
        db.Ideas.Add(Idea.Add(problem.Id, people[(index + 9) % 100], IdeaKind.Comment, "벤치 댓글", now));
        if (index % 20 == 0)
        {
            var session = DemoSession.Schedule(problem.Id, "벤치 실증 장소", now - day, 30, now - 10 * day); // held yesterday
            db.DemoSessions.Add(session);
            await db.SaveChangesAsync();
            for (var s = 0; s < 10; s++)
            {
                var signup = DemoSignup.For(session.Id, people[(index + 30 + s) % 100], false, now);
                signup.GiveFeedback(1 + s % 5, "벤치 의견", now);
                db.DemoSignups.Add(signup);
            }
            sample = problem.Id;
        }
    }
    await db.SaveChangesAsync();
    db.ChangeTracker.Clear();
}
Console.WriteLine($"challenge {challenge.Id}");
Console.WriteLine($"problem {sample}");
Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {count:N0} problems in {watch.Elapsed.TotalSeconds:F0} s"));
