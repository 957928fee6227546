using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Calls;

namespace Mirae.Web.Features.Lab;

/// <summary>
/// The demo's SOS Lab: one running challenge ("2027 통학로 교통안전") with problems at every stage — proposed, in review,
/// each kind of answer, a call for solutions, in development (the demo's funded call), in demonstration and
/// demonstrated with feedback — written by demo residents (one a child whose guardian consented), in Korean.
/// </summary>
public static class DemoLab
{
    private static readonly (string Nickname, District District)[] Residents =
    [
        ("통학로지킴이", District.MichuholGu), ("연수맘", District.YeonsuGu), ("부평아빠", District.BupyeongGu), ("중구주민", District.JungGu),
        ("송도러너", District.YeonsuGu), ("계양초학부모", District.GyeyangGu), ("서구자전거", District.SeoGu), ("남동구민", District.NamdongGu),
    ];

    public static async Task SeedAsync(IServiceProvider services, AppDbContext db, TimeProvider clock)
    {
        if (await db.Challenges.AnyAsync())
        {
            return;
        }
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var now = clock.GetUtcNow();
        var people = new List<Guid>();
        foreach (var (resident, i) in Residents.Select((r, i) => (r, i)))
        {
            people.Add(await PersonAsync(db, users, $"lab-resident{i + 1}@example.kr", resident.Nickname, resident.District, now.AddDays(-40)));
        }
        var guardian = people[1];
        var childUser = AppUser.Citizen("lab-child1@example.kr", "별빛탐험대", now.AddDays(-35));
        childUser.EmailConfirmed = true;
        (await users.CreateAsync(childUser)).EnsureSucceeded();
        (await users.AddToRoleAsync(childUser, Roles.Citizen)).EnsureSucceeded();
        var child = LabMember.Child(childUser.Id, "별빛탐험대", District.YeonsuGu, DateOnly.FromDateTime(now.AddYears(-11).DateTime), "lab-resident2@example.kr",
            now.AddDays(-35));
        child.Consent(guardian, "김서연", GuardianRelation.Parent, now.AddDays(-34));
        child.ConsentRequestMailed(now.AddDays(-35));
        db.LabMembers.Add(child);
        await db.SaveChangesAsync();

        var day = TimeSpan.FromDays(1);
        var challenge = Challenge.Open(new Challenge.Settings("2027 통학로 교통안전", "2027 Safe routes to school",
            "아이들이 학교에 오가는 길에서 겪는 위험을 시민과 아이들이 직접 찾아 올리고, 기관이 답하고, 소프트웨어 기업이 해결책을 만들어 실증합니다. "
            + "불법 주정차, 보이지 않는 횡단보도, 어두운 골목처럼 매일 겪는 문제를 알려 주세요.",
            [now - 30 * day, now + 20 * day, now + 40 * day, now + 60 * day, now + 90 * day, now + 180 * day, now + 240 * day], 5, 3,
            LabParticipation.AllMembers, ChildrenWelcome: true), now - 31 * day);
        db.Challenges.Add(challenge);
        await db.SaveChangesAsync();

        var agencies = await db.Agencies.ToDictionaryAsync(a => a.Code, a => a.Id);
        var fundedCall = await db.FundedTasks.OrderBy(t => t.Id).Select(t => (int?)t.CallId).FirstOrDefaultAsync();
        var openCall = await db.Calls.Where(c => c.Status == CallStatus.Published && c.ClosesAt > now).OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync();

        LabProblem Post(int author, string title, string description, ProblemCategory category, District district, int daysAgo) =>
            LabProblem.Post(challenge.Id, people[author], title, description, category, district, now - daysAgo * day);

        var proposed = Post(2, "부평역 앞 학원가 밤길이 너무 어두워요", "학원이 끝나는 밤 10시쯤 부평역 뒤 골목 가로등이 몇 개 꺼져 있어 아이들이 무서워합니다.",
            ProblemCategory.TrafficSafety, District.BupyeongGu, 3);
        var childPost = LabProblem.Post(challenge.Id, childUser.Id, "횡단보도 신호가 너무 짧아요", "우리 학교 앞 횡단보도는 초록불이 금방 바뀌어서 다 못 건너요. 친구들도 뛰어서 건너요.",
            ProblemCategory.TrafficSafety, District.YeonsuGu, now - 12 * day);
        var review = Post(0, "학교 앞 불법 주정차 때문에 아이들이 안 보여요", "미추홀구 ○○초 정문 앞에 아침마다 차가 서 있어 키 작은 아이들이 길을 건널 때 운전자에게 보이지 않습니다.",
            ProblemCategory.TrafficSafety, District.MichuholGu, 25);
        var handled = Post(3, "통학로에 CCTV가 없는 구간이 있어요", "신포동 통학로 중간 200m 정도에 CCTV가 하나도 없습니다.", ProblemCategory.ChildAbuse,
            District.JungGu, 24);
        var refused = Post(6, "자전거 도로를 통학로로 지정해 주세요", "서구 자전거 도로를 아이들 통학로로 바꾸면 좋겠습니다.", ProblemCategory.TrafficSafety, District.SeoGu, 23);
        var accepted = Post(5, "등굣길 위험 지점을 아이들이 직접 알릴 수 있으면 좋겠어요", "아이들이 위험하다고 느낀 곳을 바로 알릴 수 있는 방법이 없습니다.",
            ProblemCategory.Education, District.GyeyangGu, 22);
        var call = Post(4, "스쿨존 과속 차량을 알려 주는 알림이 필요해요", "송도 스쿨존에서 과속 차량이 많아 아이들이 놀랍니다.", ProblemCategory.TrafficSafety,
            District.YeonsuGu, 21);
        var development = Post(7, "하굣길 보호자 알림 서비스", "아이가 학교를 나서면 보호자가 알 수 있으면 좋겠습니다.", ProblemCategory.ChildAbuse, District.NamdongGu, 20);
        var demonstration = Post(1, "통학버스 정류장 도착 알림", "통학버스가 언제 오는지 몰라 아이들이 길가에서 오래 기다립니다.", ProblemCategory.TrafficSafety,
            District.YeonsuGu, 19);
        var demonstrated = Post(0, "어린이 보호구역 표지가 잘 안 보여요", "밤이나 비 오는 날에 어린이 보호구역 표지가 운전자에게 잘 보이지 않습니다.",
            ProblemCategory.TrafficSafety, District.MichuholGu, 18);
        LabProblem[] all = [proposed, childPost, review, handled, refused, accepted, call, development, demonstration, demonstrated];
        db.LabProblems.AddRange(all);
        await db.SaveChangesAsync();

        // Supports: each above the threshold reached review the day its third came.
        foreach (var (problem, count) in new[] { (proposed, 1), (childPost, 2), (review, 4), (handled, 3), (refused, 3), (accepted, 5), (call, 4), (development, 3),
            (demonstration, 4), (demonstrated, 5) })
        {
            var supporters = people.Where(p => p != problem.AuthorId).Take(count).ToList();
            foreach (var (supporter, i) in supporters.Select((s, i) => (s, i)))
            {
                var at = problem.CreatedAt + (i + 1) * day;
                db.ProblemSupports.Add(ProblemSupport.Of(problem, supporter, at));
                problem.Supported(challenge.Threshold, at);
            }
        }
        var police = agencies["police"];
        void Answer(LabProblem problem, int agency, AnswerKind kind, string reason)
        {
            problem.AssignTo(agency, problem.ReviewSince!.Value + day);
            problem.AnswerWith(kind, reason, Guid.Empty, problem.ReviewSince!.Value + 3 * day);
        }
        review.AssignTo(agencies["michuhol-gu"], review.ReviewSince!.Value + day);
        Answer(handled, agencies["jung-gu"], AnswerKind.AlreadyHandled, "신포동 통학로 CCTV 2대는 2026년 하반기 설치 사업에 포함되어 12월에 설치됩니다.");
        Answer(refused, agencies["city"], AnswerKind.NotAccepted, "자전거 도로는 도로교통법상 보행로로 지정할 수 없어 받아들이기 어렵습니다. 대신 인근 보도 정비를 검토하겠습니다.");
        Answer(accepted, agencies["education"], AnswerKind.Accepted, "학생이 위험 지점을 알리는 앱을 솔루션 공모로 만들겠습니다.");
        foreach (var problem in new[] { call, development, demonstration, demonstrated })
        {
            Answer(problem, police, AnswerKind.Accepted, "인천경찰청이 솔루션 공모로 해결하겠습니다. 실증에 함께합니다.");
        }
        if (openCall is { } open)
        {
            call.LinkCall(open, call.AnsweredAt!.Value + day);
        }
        if (fundedCall is { } funded)
        {
            var tasks = await db.FundedTasks.Where(t => t.CallId == funded).OrderBy(t => t.Number).Select(t => t.Id).Take(3).ToListAsync();
            foreach (var (problem, i) in new[] { development, demonstration, demonstrated }.Select((p, i) => (p, i)))
            {
                problem.LinkCall(funded, problem.AnsweredAt!.Value + day);
                problem.LinkTask(tasks[i % tasks.Count], problem.AnsweredAt!.Value + 5 * day);
            }
        }
        db.Ideas.AddRange(
            Idea.Add(review.Id, people[3], IdeaKind.Idea, "등교 시간(8~9시)만이라도 정차 금지 표시를 바닥에 크게 칠하면 좋겠어요.", now - 20 * day),
            Idea.Add(review.Id, childUser.Id, IdeaKind.Comment, "저도 거기서 차 때문에 무서웠어요.", now - 11 * day),
            Idea.Add(proposed.Id, people[4], IdeaKind.Idea, "꺼진 가로등을 사진으로 신고하면 바로 고치는 서비스가 있으면 좋겠어요.", now - 2 * day));
        await db.SaveChangesAsync();

        if (fundedCall is not null)
        {
            var upcoming = DemoSession.Schedule(demonstration.Id, "연수구 송도1동 행정복지센터 3층 회의실", now + 10 * day, 20, now - 5 * day);
            var held = DemoSession.Schedule(demonstrated.Id, "미추홀구 ○○초등학교 강당", now - 7 * day, 30, now - 20 * day);
            db.DemoSessions.AddRange(upcoming, held);
            await db.SaveChangesAsync();
            db.DemoSignups.Add(DemoSignup.For(upcoming.Id, people[2], false, now - 2 * day));
            (int Person, int Rating, string Comment)[] feedback =
            [
                (1, 5, "밤에도 표지가 잘 보여서 안심이 됐어요."), (2, 4, "운전자 알림이 조금 늦게 울리는 것 같아요."), (3, 5, "아이와 함께 써 봤는데 쉬웠어요."),
            ];
            foreach (var (person, rating, comment) in feedback)
            {
                var signup = DemoSignup.For(held.Id, people[person], false, now - 15 * day);
                signup.GiveFeedback(rating, comment, now - 6 * day);
                db.DemoSignups.Add(signup);
            }
            var childSignup = DemoSignup.For(held.Id, childUser.Id, true, now - 14 * day);
            childSignup.GiveFeedback(5, "보호자랑 같이 해 봤는데 재미있었어요.", now - 6 * day);
            db.DemoSignups.Add(childSignup);
            await db.SaveChangesAsync();
        }
    }

    private static async Task<Guid> PersonAsync(AppDbContext db, UserManager<AppUser> users, string email, string nickname, District district, DateTimeOffset now)
    {
        var user = AppUser.Citizen(email, nickname, now);
        user.EmailConfirmed = true;
        (await users.CreateAsync(user)).EnsureSucceeded();
        (await users.AddToRoleAsync(user, Roles.Citizen)).EnsureSucceeded();
        db.Consents.AddRange(ConsentItems.All.Select(item => ConsentRecord.For(user.Id, item, item.Required, now)));
        db.LabMembers.Add(LabMember.Adult(user.Id, nickname, district, now));
        return user.Id;
    }
}
