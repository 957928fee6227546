using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Mirae.Web.Data;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Accounts;

/// <summary>Marker of the accounts' texts (AccountsTexts.resx, AccountsTexts.en.resx).</summary>
public sealed class AccountsTexts;

public static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole<Guid>>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version1;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<AppUserClaimsFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".Mirae.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/access-denied";
            // The API answers 401/403 (as ProblemDetails) instead of redirecting to a page.
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });

        // A role change, a password change or a sign-out rotates the member's security stamp; every other session then ends
        // on its next request (the default re-checks the stamp only every 30 minutes, and the sliding cookie renews itself).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.Configure<RazorPagesOptions>(o => o.Conventions.ConfigureFilter(new MustChangePasswordFilter()));
        services.AddScoped<RegisterMember>();
        services.AddScoped<SignInGuard>();
        services.AddTexts<AccountsTexts>();
        services.AddSeed("accounts.roles", SeedKind.Reference, 10, c => RoleSeed.EnsureRolesAsync(c.Services));
        return services;
    }

    private static Task RedirectOrStatus(HttpContext context, string redirectUri, int status)
    {
        if (ApiProblems.IsApi(context))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(redirectUri);
        }
        return Task.CompletedTask;
    }
}

public static class AppClaims
{
    public const string DisplayName = "mirae:display_name";
    public const string MustChangePassword = "mirae:must_change_password";
    /// <summary>The kinds of organization the member acts for (approved memberships): "Supplier", "Buyer", "Institution".</summary>
    public const string ActsFor = "mirae:acts_for";
}

/// <summary>
/// Adds claims a feature knows about the member (e.g. the kinds of organization they act for). The principal is made
/// again on every request (the security stamp is checked every time), so these claims are never older than the request.
/// </summary>
public interface IMemberClaimsSource
{
    Task AddClaimsAsync(Guid userId, ClaimsIdentity identity);
}

public sealed class AppUserClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options,
    IEnumerable<IMemberClaimsSource> sources)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        foreach (var source in sources)
        {
            await source.AddClaimsAsync(user.Id, identity);
        }
        identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(AppClaims.MustChangePassword, "true"));
        }
        return identity;
    }
}

/// <summary>An account created with a one-time password can do nothing but change it.</summary>
public sealed class MustChangePasswordFilter : IAsyncPageFilter
{
    private static readonly string[] Allowed = ["/Accounts/ChangePassword", "/Accounts/SignOut", "/Home/Error"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.User.HasClaim(AppClaims.MustChangePassword, "true")
            && !Allowed.Contains(context.ActionDescriptor.ViewEnginePath, StringComparer.Ordinal))
        {
            var request = context.HttpContext.Request;
            var wanted = HttpMethods.IsGet(request.Method) ? request.PathBase + request.Path + request.QueryString : null;
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectToPageResult("/Accounts/ChangePassword", new { returnUrl = wanted?.ToString() });
            return;
        }
        await next();
    }
}
