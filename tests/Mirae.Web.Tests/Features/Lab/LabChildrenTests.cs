using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Data;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Lab;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Lab;

/// <summary>
/// Children in the lab: nothing before the guardian's consent, consent only by the guardian's own account through a
/// genuine link, withdrawal hides everything; no child's personal data on any public page, API answer or export; and who
/// may open and do what, for every kind of user, on both providers.
/// </summary>
[Collection("web")]
public sealed partial class LabChildrenTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static Dictionary<string, string> Form(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    [Theory, MemberData(nameof(Providers))]
    public async Task AChild_PostsNothingBeforeTheGuardianConsents_OnlyTheGuardianConsents_AndWithdrawingHidesEverything(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var challenge = await LabData.ChallengeAsync(factory);
        var guardian = await Members.RegisterAsync(factory);
        var child = await LabData.ChildAsync(factory, guardian.Email!);
        using var childClient = await factory.SignedInClientAsync(child.Email!);
        var post = Form(("Post.Title", "뮤뮤 횡단보도 신호가 짧아요"), ("Post.Description", "초록불이 너무 빨리 바뀌어요."), ("Post.Category", "TrafficSafety"),
            ("Post.District", "YeonsuGu"));
        var url = $"/lab/challenges/{challenge}";

        var (_, before) = await childClient.GetPageAsync(url);
        Assert.True(before.Contains("보호자가 동의해야 참여할 수 있어요", StringComparison.Ordinal), before);
        using var early = await childClient.SubmitAsync("/lab/join", post, url);
        var earlyHtml = await early.Content.ReadAsStringAsync();
        var link = await LabData.LinkAsync(factory, child.Id);
        using var stranger = await factory.SignedInClientAsync((await Members.RegisterAsync(factory)).Email!);
        var (_, strangerView) = await stranger.GetPageAsync(link);
        using var strangerConsents = await stranger.SubmitAsync("/lab/join", Form(("GuardianName", "남"), ("Relation", "Parent"), ("Agreed", "true")), link);
        var strangerHtml = await strangerConsents.Content.ReadAsStringAsync();
        using var guardianClient = await factory.SignedInClientAsync(guardian.Email!);
        using var forged = await guardianClient.SubmitAsync("/lab/join", Form(("GuardianName", "김보호"), ("Relation", "Parent"), ("Agreed", "true")),
            $"/lab/guardian/consent?child={child.Id}&code=forged");
        var forgedHtml = await forged.Content.ReadAsStringAsync();
        var (_, consentPage) = await guardianClient.GetPageAsync(link);
        using var consent = await guardianClient.SubmitAsync(link, Form(("GuardianName", "김보호"), ("Relation", "Parent"), ("Agreed", "true")), link);
        using var reused = await guardianClient.SubmitAsync("/lab/join", Form(("GuardianName", "김보호"), ("Relation", "Parent"), ("Agreed", "true")), link);
        var reusedHtml = await reused.Content.ReadAsStringAsync();
        using var posted = await childClient.SubmitAsync(url, post);
        var problemId = int.Parse(PageClient.RedirectPath(posted)!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var problemUrl = $"/lab/problems/{problemId}";
        using var anonymous = factory.CreatePageClient();
        using var childPage = await anonymous.Http.GetAsync(problemUrl);
        var childPageHtml = await childPage.Content.ReadAsStringAsync();
        var (_, guardianPage) = await guardianClient.GetPageAsync("/lab/guardian");
        using var withdraw = await guardianClient.SubmitAsync("/lab/guardian", Form(("childId", $"{child.Id}")), "/lab/guardian?handler=Withdraw");
        using var afterWithdraw = await anonymous.Http.GetAsync(problemUrl);
        using var latePost = await childClient.SubmitAsync("/lab/join", post, url);

        await using var db = factory.CreateDbContext();
        var member = await db.LabMembers.SingleAsync(m => m.UserId == child.Id);
        Assert.Contains("보호자가 동의해야 참여할 수 있어요", before);
        Assert.True(earlyHtml.Contains("보호자가 동의해야 참여할 수 있어요", StringComparison.Ordinal), $"{early.StatusCode} {early.Headers.Location} {earlyHtml}");
        Assert.Contains("로그인해야 동의할 수 있습니다", strangerHtml);
        Assert.Contains("consent-other-address", strangerView);
        Assert.DoesNotContain(child.DisplayName, strangerView); // the nickname, and the birth date beside it, only for the guardian's address
        Assert.Contains("링크가 맞지 않거나", forgedHtml);
        Assert.Contains(member.Nickname, consentPage);
        Assert.Equal("/lab/guardian", PageClient.RedirectPath(consent));
        Assert.Contains("링크가 맞지 않거나", reusedHtml);
        Assert.Equal(guardian.Id, member.GuardianId);
        Assert.Equal(LabMember.ConsentVersion, member.ConsentedVersion);
        Assert.Equal(GuardianRelation.Parent, member.Relation);
        Assert.Equal("noindex, nofollow", childPage.Headers.GetValues("X-Robots-Tag").Single());
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\">", childPageHtml);
        Assert.Contains("뮤뮤 횡단보도 신호가 짧아요", guardianPage);
        Assert.NotNull(member.ConsentWithdrawnAt);
        Assert.Equal(HttpStatusCode.NotFound, afterWithdraw.StatusCode);
        Assert.Contains("보호자가 동의해야 참여할 수 있어요", await latePost.Content.ReadAsStringAsync());
        Assert.Equal(1, await db.LabProblems.CountAsync(p => p.AuthorId == child.Id));
        var audited = await db.AuditEvents.Where(e => e.Subject == $"user:{child.Id}").Select(e => e.Action).ToListAsync();
        Assert.Contains(AuditActions.LabConsentGiven, audited);
        Assert.Contains(AuditActions.LabConsentWithdrawn, audited);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task TheChildSignUp_RefusesFourteenAndOver_TheSameAddress_AndAnAdultAccountBecomingAChild(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        using var anonymous = factory.CreatePageClient();
        var today = DateTime.UtcNow.AddHours(9);
        var email = Members.UniqueEmail("child");
        List<KeyValuePair<string, string>> Fields(string birth, string guardian) => [.. Form(("Child.Nickname", LabData.Nickname()), ("Child.BirthDate", birth),
            ("Child.Email", email), ("Child.Password", Members.Password), ("Child.ConfirmPassword", Members.Password), ("Child.GuardianEmail", guardian)),
            new("consents", "terms"), new("consents", "privacy-required")];

        using var old = await anonymous.SubmitAsync("/lab/children/join", Fields(today.AddYears(-14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "parent@example.kr"));
        using var same = await anonymous.SubmitAsync("/lab/children/join", Fields(today.AddYears(-9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), email));
        var child = await LabData.ChildAsync(factory, Members.UniqueEmail("parent"));
        using var childClient = await factory.SignedInClientAsync(child.Email!);
        using var join = await childClient.SubmitAsync("/lab/join", Form(("Join.Nickname", LabData.Nickname())));
        var adult = await Members.RegisterAsync(factory);
        using var adultClient = await factory.SignedInClientAsync(adult.Email!);
        using var adultJoin = await adultClient.SubmitAsync("/lab/join", Form(("Join.Nickname", LabData.Nickname()), ("Join.District", "DongGu")));

        await using var db = factory.CreateDbContext();
        Assert.Contains("만 14세 이상은 일반 회원가입으로 가입해 주세요", await old.Content.ReadAsStringAsync());
        Assert.Contains("보호자 이메일은 내 이메일과 달라야 합니다", await same.Content.ReadAsStringAsync());
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        Assert.True((await db.LabMembers.SingleAsync(m => m.UserId == child.Id)).IsChild); // joining again does not make a child an adult
        Assert.Equal("/lab", PageClient.RedirectPath(adultJoin));
        Assert.False((await db.LabMembers.SingleAsync(m => m.UserId == adult.Id)).IsChild);
        Assert.False(await db.Consents.AnyAsync(c => c.UserId == child.Id && c.Kind == ConsentItems.Age14.Kind && c.Granted));
    }

    /// <summary>Every public lab page, API answer and export, crawled as a visitor, carries none of a child's or guardian's personal data.</summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task NoPublicPageApiOrExport_CarriesAChildsPersonalData(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var challenge = await LabData.ChallengeAsync(factory, threshold: 1);
        var guardian = await Members.RegisterAsync(factory, Members.UniqueEmail("guardian"));
        var childEmail = Members.UniqueEmail("secretchild");
        var birth = new DateOnly(2016, 7, 23);
        var child = await LabData.ChildAsync(factory, guardian.Email!, childEmail, birth);
        await LabData.ConsentAsync(factory, child.Id, guardian.Id);
        var problem = await LabData.ProblemAsync(factory, challenge, child.Id, "뮤뮤 어린이가 올린 문제");
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Participate>().AddIdeaAsync(problem, child.Id, IdeaKind.Comment, "제 생각도 그래요", CancellationToken.None);
        }
        await LabData.SupportAsync(factory, problem, 1);
        using var anonymous = factory.CreatePageClient();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/lab", $"/lab/challenges/{challenge}", $"/lab/problems/{problem}", "/lab/results", "/lab/data",
            "/lab/results?handler=Csv", "/api/v1/lab/challenges", "/api/v1/lab/problems", $"/api/v1/lab/problems/{problem}",
            $"/api/v1/lab/problems?challenge={challenge}", "/verify"]);
        var bodies = new List<(string Url, string Body)>();
        while (queue.Count > 0 && seen.Count < 400)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url))
            {
                continue;
            }
            using var response = await anonymous.Http.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }
            var body = await response.Content.ReadAsStringAsync();
            bodies.Add((url, body));
            foreach (Match link in LabLink().Matches(body))
            {
                var next = System.Net.WebUtility.HtmlDecode(link.Groups[1].Value).Split('#')[0];
                if (!next.Contains("handler=Photo", StringComparison.Ordinal))
                {
                    queue.Enqueue(next);
                }
            }
        }

        Assert.Contains(bodies, b => b.Url == $"/lab/problems/{problem}" && b.Body.Contains("뮤뮤 어린이가 올린 문제", StringComparison.Ordinal));
        Assert.True(bodies.Count >= 10, string.Join(", ", bodies.Select(b => b.Url)));
        string[] secrets = [childEmail, guardian.Email!, child.Id.ToString(), guardian.Id.ToString(), "2016-07-23", "20160723", "김보호", "secretchild"];
        foreach (var (url, body) in bodies)
        {
            foreach (var secret in secrets)
            {
                Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{url} shows {secret}");
            }
        }
    }

    [GeneratedRegex("(?:href|src)=\"(/(?:lab|api/v1/lab)[^\"]*)\"")]
    private static partial Regex LabLink();

    /// <summary>Who may open and do what: citizen, child, guardian, agency, moderator, staff and visitor.</summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task EachKindOfUser_MayDoOnlyWhatTheirPartAllows(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var challenge = await LabData.ChallengeAsync(factory, threshold: 1);
        var (citizenUser, citizen) = await LabData.MemberAsync(factory);
        var guardianUser = await Members.RegisterAsync(factory);
        var childUser = await LabData.ChildAsync(factory, guardianUser.Email!);
        await LabData.ConsentAsync(factory, childUser.Id, guardianUser.Id);
        using var child = await factory.SignedInClientAsync(childUser.Email!);
        using var guardian = await factory.SignedInClientAsync(guardianUser.Email!);
        var (_, agency, agencyId) = await LabData.AgentAsync(factory, "michuhol-gu");
        using var moderator = await ProgramData.SignedInWithRoleAsync(factory, Roles.Moderator);
        using var staff = await ProgramData.SignedInProgramManagerAsync(factory);
        using var visitor = factory.CreatePageClient();
        var problem = await LabData.ProblemAsync(factory, challenge, citizenUser.Id, "뮤뮤 권한 시험");
        await LabData.SupportAsync(factory, problem, 1);
        var url = $"/lab/problems/{problem}";
        var users = new (string Name, PageClient Client)[]
            { ("citizen", citizen), ("child", child), ("guardian", guardian), ("agency", agency), ("moderator", moderator), ("staff", staff), ("visitor", visitor) };

        async Task<string> OpenAsync(PageClient client, string page)
        {
            using var response = await client.Http.GetAsync(page);
            return response.StatusCode == HttpStatusCode.OK ? "ok"
                : response.StatusCode == HttpStatusCode.Redirect && PageClient.RedirectPath(response)!.StartsWith("/account/sign-in", StringComparison.Ordinal) ? "sign-in"
                : response.StatusCode == HttpStatusCode.Redirect && PageClient.RedirectPath(response)!.StartsWith("/account/access-denied", StringComparison.Ordinal) ? "denied"
                : $"{(int)response.StatusCode}";
        }

        var pages = new Dictionary<string, string[]>
        {
            // citizen, child, guardian, agency, moderator, staff, visitor
            ["/lab"] = ["ok", "ok", "ok", "ok", "ok", "ok", "ok"],
            [url] = ["ok", "ok", "ok", "ok", "ok", "ok", "ok"],
            ["/lab/results"] = ["ok", "ok", "ok", "ok", "ok", "ok", "ok"],
            ["/lab/guardian"] = ["ok", "ok", "ok", "ok", "ok", "ok", "sign-in"],
            ["/lab/agency"] = ["denied", "denied", "denied", "ok", "denied", "denied", "sign-in"],
            ["/lab/moderation"] = ["denied", "denied", "denied", "denied", "ok", "ok", "sign-in"],
            ["/admin/lab"] = ["denied", "denied", "denied", "denied", "denied", "ok", "sign-in"],
        };
        var actual = new Dictionary<string, string[]>();
        foreach (var page in pages.Keys)
        {
            actual[page] = [.. await Task.WhenAll(users.Select(u => OpenAsync(u.Client, page)))];
        }
        using var citizenAssigns = await citizen.SubmitAsync("/lab/join", Form(("agencyId", $"{agencyId}")), url + "?handler=Assign");
        using var moderatorAssigns = await moderator.SubmitAsync("/lab/join", Form(("agencyId", $"{agencyId}")), url + "?handler=Assign");
        using var childHides = await child.SubmitAsync("/lab/join", Form(("reason", "싫어요")), url + "?handler=Hide");
        using var staffAssigns = await staff.SubmitAsync(url, Form(("agencyId", $"{agencyId}")), url + "?handler=Assign");
        using var guardianAnswers = await guardian.SubmitAsync("/lab/join", Form(("kind", "NotAccepted"), ("reason", "안 됩니다")), url + "?handler=Answer");
        var guardianAnswersHtml = await guardianAnswers.Content.ReadAsStringAsync();
        using var childRemovesOthers = await child.SubmitAsync("/lab/join", [], url + "?handler=Remove");
        var childRemovesHtml = await childRemovesOthers.Content.ReadAsStringAsync();
        using var visitorSupports = await visitor.SubmitAsync("/lab/children/join", [], url + "?handler=Support");
        using var visitorDownload = await visitor.Http.GetAsync("/lab/data?handler=Download&datasetId=1");
        using var citizenDownload = await citizen.Http.GetAsync("/lab/data?handler=Download&datasetId=1");
        using var citizenPublishes = await citizen.SubmitFilesAsync("/lab/join", new Dictionary<string, (string, byte[])> { ["Publish.File"] = ("data.pdf", Files.Pdf()) },
            Form(("Publish.AgencyId", $"{agencyId}"), ("Publish.Title", "t"), ("Publish.Description", "d"), ("Publish.Contact", "c")), "/lab/data");

        Assert.Equal(pages, actual);
        Assert.StartsWith("/account/access-denied", PageClient.RedirectPath(citizenAssigns), StringComparison.Ordinal);
        Assert.StartsWith("/account/access-denied", PageClient.RedirectPath(moderatorAssigns), StringComparison.Ordinal);
        Assert.StartsWith("/account/access-denied", PageClient.RedirectPath(childHides), StringComparison.Ordinal);
        Assert.Equal(url, PageClient.RedirectPath(staffAssigns));
        Assert.Contains("담당 기관의 담당자만 할 수 있습니다", guardianAnswersHtml);
        Assert.Contains("본인(또는 보호하는 어린이)의 글만 처리할 수 있습니다", childRemovesHtml);
        Assert.StartsWith("/account/sign-in", PageClient.RedirectPath(visitorSupports), StringComparison.Ordinal);
        Assert.StartsWith("/account/sign-in", PageClient.RedirectPath(visitorDownload), StringComparison.Ordinal);
        Assert.StartsWith("/account/access-denied", PageClient.RedirectPath(citizenDownload), StringComparison.Ordinal);
        Assert.StartsWith("/account/access-denied", PageClient.RedirectPath(citizenPublishes), StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        var assigned = await db.LabProblems.SingleAsync(p => p.Id == problem);
        Assert.Equal(agencyId, assigned.AgencyId);
        Assert.Equal(ProblemStatus.InReview, assigned.Status);
        Assert.Null(assigned.RemovedAt);
        citizen.Dispose();
        agency.Dispose();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AnAgency_SharesData_AFirmDownloadsIt_AndTheDownloadIsLogged(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var (agent, agency, agencyId) = await LabData.AgentAsync(factory, "city");
        var organization = await DirectoryData.AddOrganizationAsync(factory, "뮤뮤데이터(주)");
        var (firm, firmUser) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        var fields = Form(("Publish.AgencyId", $"{agencyId}"), ("Publish.Title", "뮤뮤 어린이보호구역 위치"), ("Publish.Description", "인천 어린이보호구역 위치와 지정 현황입니다."),
            ("Publish.Licence", "KoglType1"), ("Publish.Contact", "인천시 스마트도시과"), ("Publish.UpdatedOn", "2026-11-30"));

        using var disguised = await agency.SubmitFilesAsync("/lab/data", new Dictionary<string, (string, byte[])> { ["Publish.File"] = ("zones.xlsx", Files.Pdf()) }, fields);
        var disguisedHtml = await disguised.Content.ReadAsStringAsync();
        using var published = await agency.SubmitFilesAsync("/lab/data", new Dictionary<string, (string, byte[])> { ["Publish.File"] = ("zones.xlsx", Files.Xlsx()) }, fields);
        int datasetId;
        await using (var db = factory.CreateDbContext())
        {
            datasetId = await db.Datasets.Where(d => d.Title == "뮤뮤 어린이보호구역 위치").Select(d => d.Id).SingleAsync();
        }
        using var download = await firm.Http.GetAsync($"/lab/data?handler=Download&datasetId={datasetId}");
        var (_, list) = await firm.GetPageAsync("/lab/data");

        await using var check = factory.CreateDbContext();
        Assert.Contains("id=\"Publish_File\"", disguisedHtml);
        Assert.Contains("파일", disguisedHtml);
        Assert.Equal(1, await check.Datasets.CountAsync(d => d.Title == "뮤뮤 어린이보호구역 위치"));
        Assert.Equal("/lab/data", PageClient.RedirectPath(published));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Files.Xlsx(), await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("뮤뮤 어린이보호구역 위치", list);
        Assert.True(await check.DatasetDownloads.AnyAsync(d => d.DatasetId == datasetId && d.UserId == firmUser.Id));
        Assert.True(await check.AuditEvents.AnyAsync(e => e.Action == AuditActions.LabDatasetDownloaded && e.Subject == $"lab-dataset:{datasetId}" && e.ActorId == firmUser.Id));
        agency.Dispose();
        firm.Dispose();
    }
}
