using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Directory;
using Mirae.Web.Features.Applications;
using Mirae.Web.Features.Calls;

namespace Mirae.Web.Tests.Infrastructure;

/// <summary>Test data for programs and calls, through the real use cases; titles start with "뮤뮤" so they never clash with the demo.</summary>
public static class ProgramData
{
    public static Call.Terms Terms(DateTimeOffset opensAt, DateTimeOffset closesAt, string titleKo = "뮤뮤 시험 공모", decimal budget = 500_000_000m,
        decimal cap = 100_000_000m) =>
        new(2026, titleKo, "Mumu test call", "시험 공모 내용", "Test call summary", opensAt, closesAt, budget, cap, 5,
            new Eligibility([OrganizationKind.Supplier], ["인천 연수구"], 7, 5, 300, true),
            [new RequiredDocument("사업계획서", "Business plan"), new RequiredDocument("재무제표", "Financial statements")],
            [new Criterion("기술성", "Technology", 40, 40), new Criterion("사업성", "Business", 60, 60)],
            ApplicationForm.Parse(FormText).Sections!);

    /// <summary>A form with every kind of question and a section shown only for continuing projects.</summary>
    public const string FormText = """
        # overview | 사업 개요 | Overview
        title | text | 과제명 | Project title | required | 100
        summary | longtext | 과제 요약 | Summary | required | 500
        amount | money | 신청 금액 | Requested amount | required | 1000000-100000000
        staff | number | 참여 인력 | Staff | optional | 1-500
        start | date | 착수 예정일 | Start date | optional
        kind | choice | 과제 유형 | Project type | required | new=신규/New; continuing=계속/Continuing
        items | multichoice | 대상 품목 | Target items | optional | media=배지/Media; filter=필터/Filters; bag=백/Bags
        plan | file | 사업계획서 | Business plan | required | 2
        # previous | 이전 과제 | Earlier project | when kind=continuing
        previousTask | text | 이전 과제 번호 | Earlier task number | required | 50
        """;

    public static async Task<int> AddProgramAsync(MiraeFactory factory, string nameKo = "뮤뮤 시험 사업")
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SaveCall>()
            .CreateProgramAsync(new SaveCall.ProgramCommand(ProgramKind.Localization, nameKo, "Mumu test program", "", ""));
    }

    /// <summary>A call open from a day ago until <paramref name="openFor"/> from now (ten days unless said), published unless asked otherwise.</summary>
    public static async Task<int> AddCallAsync(MiraeFactory factory, string titleKo = "뮤뮤 시험 공모", bool publish = true, TimeSpan? openFor = null)
    {
        var programId = await AddProgramAsync(factory);
        using var scope = factory.Services.CreateScope();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var id = await scope.ServiceProvider.GetRequiredService<SaveCall>()
            .HandleAsync(null, programId, Terms(now.AddDays(-1), now + (openFor ?? TimeSpan.FromDays(10)), titleKo));
        if (publish)
        {
            await scope.ServiceProvider.GetRequiredService<ChangeCallStatus>().PublishAsync(id);
        }
        return id;
    }

    /// <summary>
    /// Time passes for the call: its deadline moves to a second ago (opening a day before that if need be), so that what
    /// waits for the deadline (evaluation, the panel's close, the selection) can run. Applications already in stay.
    /// </summary>
    public static async Task PassDeadlineAsync(MiraeFactory factory, int callId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId);
        if (call.ClosesAt > now)
        {
            var closesAt = now.AddSeconds(-1);
            var opensAt = call.OpensAt < closesAt.AddHours(-1) ? call.OpensAt : closesAt.AddDays(-1);
            await db.Calls.Where(c => c.Id == callId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosesAt, closesAt).SetProperty(c => c.OpensAt, opensAt));
        }
    }

    /// <summary>A signed-in program manager (the role staff are given under 회원·권한 관리).</summary>
    public static Task<PageClient> SignedInProgramManagerAsync(MiraeFactory factory) => SignedInWithRoleAsync(factory, Roles.ProgramManager);

    /// <summary>A signed-in member given <paramref name="role"/> as an administrator would.</summary>
    public static async Task<PageClient> SignedInWithRoleAsync(MiraeFactory factory, string role)
    {
        var member = await Members.RegisterAsync(factory);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var result = await users.AddToRoleAsync((await users.FindByIdAsync(member.Id.ToString()))!, role);
            Assert.True(result.Succeeded);
        }
        return await factory.SignedInClientAsync(member.Email!);
    }

    /// <summary>An open call, a supplier organization, and one of its approved members signed in: who applies, in most tests.</summary>
    public static async Task<(int CallId, Organization Organization, PageClient Member)> ApplicantAsync(MiraeFactory factory)
    {
        var callId = await AddCallAsync(factory);
        var organization = await DirectoryData.AddOrganizationAsync(factory);
        var (member, _) = await DirectoryData.SignedInMemberOfAsync(factory, organization.Id);
        return (callId, organization, member);
    }

    /// <summary>The member starts their organization's application to the call (through the page); returns its id.</summary>
    public static async Task<int> StartApplicationAsync(PageClient member, int callId, int organizationId)
    {
        using var started = await member.SubmitAsync($"/calls/{callId}/apply", new Dictionary<string, string> { ["organizationId"] = $"{organizationId}" });
        var path = PageClient.RedirectPath(started);
        Assert.Matches(@"^/applications/\d+$", path);
        return int.Parse(path!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Attaches a PDF to the business-plan question and to both required documents of <see cref="Terms"/>.</summary>
    public static async Task AttachAllAsync(PageClient member, int applicationId)
    {
        foreach (var key in new[] { "plan", Application.DocumentKey(0), Application.DocumentKey(1) })
        {
            using var uploaded = await member.SubmitFilesAsync($"/applications/{applicationId}",
                new Dictionary<string, (string, byte[])> { ["file"] = ("문서.pdf", Files.Pdf()) }, new Dictionary<string, string> { ["fieldKey"] = key },
                $"/applications/{applicationId}?handler=Upload");
            Assert.Equal($"/applications/{applicationId}", PageClient.RedirectPath(uploaded));
        }
    }
}
