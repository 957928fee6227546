using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Features.Accounts;
using Mirae.Web.Features.Lab;

namespace Mirae.Web.Tests.Infrastructure;

/// <summary>Test data for the SOS Lab, made through its own use cases: a challenge in a chosen phase, lab members, children and their guardians, problems.</summary>
public static class LabData
{
    /// <summary>A challenge whose <paramref name="phase"/> started a day ago (the earlier ones before it, the later ones to come).</summary>
    public static async Task<int> ChallengeAsync(MiraeFactory factory, LabPhase phase = LabPhase.Proposing, int threshold = 3, int supportsPerPerson = 5,
        LabParticipation participation = LabParticipation.AllMembers, bool childrenWelcome = true)
    {
        using var scope = factory.Services.CreateScope();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var starts = Enum.GetValues<LabPhase>().Select(p => now.AddDays(((int)p - (int)phase) * 10 - 1)).ToList();
        return await scope.ServiceProvider.GetRequiredService<Govern>().SaveChallengeAsync(null,
            new Challenge.Settings("뮤뮤 통학로 안전 " + Guid.NewGuid().ToString("N")[..6], null, "시험용 과제 공간입니다.", starts, supportsPerPerson, threshold,
                participation, childrenWelcome), CancellationToken.None);
    }

    public static async Task MoveToAsync(MiraeFactory factory, int challengeId, LabPhase phase)
    {
        await using var db = factory.CreateDbContext();
        var challenge = await db.Challenges.SingleAsync(c => c.Id == challengeId);
        var now = DateTimeOffset.UtcNow;
        challenge.Change(new Challenge.Settings(challenge.Title, null, challenge.Description,
            [.. Enum.GetValues<LabPhase>().Select(p => now.AddDays(((int)p - (int)phase) * 10 - 1))], challenge.SupportsPerPerson, challenge.Threshold,
            challenge.Participation, challenge.ChildrenWelcome));
        await db.SaveChangesAsync();
    }

    public static string Nickname() => "뮤뮤" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>An adult member who joined the lab (nickname, district), signed in.</summary>
    public static async Task<(AppUser User, PageClient Client)> MemberAsync(MiraeFactory factory, District? district = District.YeonsuGu)
    {
        var user = await JoinedAsync(factory, district);
        return (user, await factory.SignedInClientAsync(user.Email!));
    }

    /// <summary>An adult member who joined the lab (for hosts on Kestrel, whose tests sign in through the browser).</summary>
    public static async Task<AppUser> JoinedAsync(MiraeFactory factory, District? district = District.YeonsuGu)
    {
        var user = await Members.RegisterAsync(factory);
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Participate>().JoinAsync(user.Id, Nickname(), district, CancellationToken.None);
        return user;
    }

    /// <summary>A child under 14 signed up (address confirmed), waiting for <paramref name="guardianEmail"/>'s consent.</summary>
    public static async Task<AppUser> ChildAsync(MiraeFactory factory, string guardianEmail, string? email = null, DateOnly? birthDate = null)
    {
        using var scope = factory.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<Guardians>().RegisterChildAsync(new Guardians.ChildSignUp(email ?? Members.UniqueEmail("child"),
            Members.Password, Nickname(), birthDate ?? DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-10)), guardianEmail, District.YeonsuGu,
            new HashSet<string> { ConsentItems.Terms.Kind, ConsentItems.PrivacyRequired.Kind }), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Value)));
        await Members.ConfirmAsync(factory, result.User!);
        return result.User!;
    }

    /// <summary>The guardian's consent through the link the e-mail carries.</summary>
    public static async Task ConsentAsync(MiraeFactory factory, Guid childId, Guid guardianId)
    {
        using var scope = factory.Services.CreateScope();
        var guardians = scope.ServiceProvider.GetRequiredService<Guardians>();
        var link = await LinkAsync(factory, childId);
        var code = Uri.UnescapeDataString(link[(link.IndexOf("code=", StringComparison.Ordinal) + 5)..]);
        await guardians.ConsentAsync(childId, code, guardianId, "김보호", GuardianRelation.Parent, agreed: true, CancellationToken.None);
    }

    public static async Task<string> LinkAsync(MiraeFactory factory, Guid childId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Mirae.Web.Data.AppDbContext>();
        var child = await db.LabMembers.AsNoTracking().SingleAsync(m => m.UserId == childId);
        return scope.ServiceProvider.GetRequiredService<Guardians>().ConsentLink(child);
    }

    public static async Task<int> ProblemAsync(MiraeFactory factory, int challengeId, Guid authorId, string title = "학교 앞 횡단보도가 위험해요")
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Participate>().PostAsync(challengeId, authorId,
            new Participate.PostInput(title, "아침마다 차가 많이 다녀서 아이들이 건너기 어렵습니다.", ProblemCategory.TrafficSafety, District.YeonsuGu), [], CancellationToken.None);
    }

    /// <summary>Supports by <paramref name="count"/> new members, enough to send a problem to review.</summary>
    public static async Task SupportAsync(MiraeFactory factory, int problemId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var user = await JoinedAsync(factory);
            using var scope = factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<Participate>().SupportAsync(problemId, user.Id, CancellationToken.None);
        }
    }

    /// <summary>A member who acts for the agency with <paramref name="code"/>, signed in (after the role was given).</summary>
    public static async Task<(AppUser User, PageClient Client, int AgencyId)> AgentAsync(MiraeFactory factory, string code = "police")
    {
        var (user, agencyId) = await AgentUserAsync(factory, code);
        return (user, await factory.SignedInClientAsync(user.Email!), agencyId);
    }

    public static async Task<(AppUser User, int AgencyId)> AgentUserAsync(MiraeFactory factory, string code = "police")
    {
        var user = await Members.RegisterAsync(factory);
        int agencyId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Mirae.Web.Data.AppDbContext>();
            agencyId = await db.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<Govern>().AddAgentAsync(user.Email!, agencyId, CancellationToken.None);
        }
        return (user, agencyId);
    }
}
