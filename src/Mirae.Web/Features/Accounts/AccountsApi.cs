using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Mirae.Web.Features.Accounts;

public static class AccountsApi
{
    public sealed record MemberProfile(Guid Id, string Email, string DisplayName, string Kind, string? BusinessNumber, string? CompanyName, IReadOnlyList<string> Roles);

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me", GetMeAsync).WithTags("Accounts").WithName("GetMe").RequireAuthorization();
        return app;
    }

    private static async Task<Results<Ok<MemberProfile>, UnauthorizedHttpResult>> GetMeAsync(HttpContext context, UserManager<AppUser> users)
    {
        var user = await users.GetUserAsync(context.User);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new MemberProfile(user.Id, user.Email!, user.DisplayName, user.Kind.ToString(),
            user.BusinessNumber is null ? null : Accounts.BusinessNumber.Format(user.BusinessNumber),
            user.CompanyName, roles.Order(StringComparer.Ordinal).ToList()));
    }
}
