using Microsoft.Extensions.DependencyInjection;
using Mirae.Web.Features.Accounts;

namespace Mirae.Web.Tests.Infrastructure;

/// <summary>Test data for the Accounts feature: members registered through the real use case.</summary>
public static class Members
{
    public const string Password = "correct-horse-7!";

    public static string UniqueEmail(string prefix = "member") => $"{prefix}-{Guid.NewGuid():N}@example.kr";

    public static async Task<AppUser> RegisterAsync(MiraeFactory factory, string? email = null, MemberKind kind = MemberKind.Citizen,
        string businessNumber = "124-81-00998", string companyName = "인천바이오소재(주)")
    {
        using var scope = factory.Services.CreateScope();
        var register = scope.ServiceProvider.GetRequiredService<RegisterMember>();
        var result = await register.HandleAsync(new RegisterMember.Command(kind, email ?? UniqueEmail(), Password, "홍길동",
            kind == MemberKind.CompanyMember ? businessNumber : null, kind == MemberKind.CompanyMember ? companyName : null,
            ConsentItems.All.Where(c => c.Required).Select(c => c.Kind).ToHashSet()));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Value)));
        Assert.NotNull(result.User);
        await ConfirmAsync(factory, result.User);
        return result.User;
    }

    /// <summary>Does what following the sign-up e-mail's link does (RegistrationTests follow the link itself).</summary>
    public static async Task ConfirmAsync(MiraeFactory factory, AppUser user)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var code = await users.GenerateEmailConfirmationTokenAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        Assert.True(await scope.ServiceProvider.GetRequiredService<RegisterMember>().ConfirmAsync(user.Id, code, CancellationToken.None));
        user.EmailConfirmed = true;
    }
}
