using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Mirae.Web.Infrastructure;

/// <summary>The cross-cutting web set-up: pages, localization, authorization by default, errors, security.</summary>
public static class WebModule
{
    public static readonly CultureInfo[] Cultures = [new("ko-KR"), new("en-US")];
    public const string CultureCookie = ".Mirae.Culture";

    /// <summary>The first of our languages in Accept-Language, by quality ("en", "en-GB" and "en-US" all mean English).</summary>
    private static ProviderCultureResult? AcceptedCulture(HttpContext context) =>
        context.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1)
            .Select(l => Cultures.FirstOrDefault(c => l.Value.Value is { } tag && tag.StartsWith(c.TwoLetterISOLanguageName, StringComparison.OrdinalIgnoreCase)))
            .FirstOrDefault(c => c is not null) is { } culture
            ? new ProviderCultureResult(culture.Name)
            : null;

    public static IServiceCollection AddMiraeWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddPublicSite(configuration);
        // Korean text goes out as text, not as numeric character references.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddHttpContextAccessor();
        // API enums are their names ("Supplier"), not numbers a client would have to look up.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            // Korean goes out as text too (half the time to write a page of products than as \uXXXX escapes); characters
            // that mean something to HTML are still escaped.
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddLocalization();
        // Every localizer reads the shared texts and those each feature adds (AddTexts).
        services.AddSingleton<SiteTexts>();
        services.AddSingleton<IStringLocalizerFactory, SiteTextsFactory>();
        services.AddSingleton<SiteNavigation>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Pages speak Korean until the reader chooses (the cookie); API clients may also ask with Accept-Language.
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = CultureCookie },
                new CustomRequestCultureProvider(context => Task.FromResult(ApiProblems.IsApi(context) ? AcceptedCulture(context) : null)),
            ];
        });

        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddMvcOptions(o =>
            {
                o.Filters.Add<PageFailureFilter>();
                o.Filters.Add<RequestTooLargeFilter>();
            })
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((mvc, factory) =>
        {
            var text = factory.Create(typeof(SharedResource));
            var messages = mvc.ModelBindingMessageProvider;
            messages.SetValueMustNotBeNullAccessor(name => text["Validation.Required", name]);
            messages.SetMissingBindRequiredValueAccessor(name => text["Validation.Required", name]);
            messages.SetAttemptedValueIsInvalidAccessor((_, _) => text["Validation.Invalid"]);
            messages.SetValueIsInvalidAccessor(_ => text["Validation.Invalid"]);
            messages.SetValueMustBeANumberAccessor(_ => text["Validation.Number"]);
            messages.SetUnknownValueIsInvalidAccessor(_ => text["Validation.Invalid"]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => text["Validation.Invalid"]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Validation.Invalid"]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Validation.Number"]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => text["Validation.Invalid"]);
            messages.SetMissingKeyOrValueAccessor(() => text["Validation.Invalid"]);
        });

        // Deny by default: an endpoint without its own policy needs a signed-in user.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".Mirae.Antiforgery";
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiProblems.Customize);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddMiraeRateLimiting(configuration);
        services.AddOpenApi();
        return services;
    }

    /// <summary>
    /// A request whose body cannot be read (a broken multipart boundary, too many form keys, a value or upload over the
    /// limit) is the client's error: 400 or 413 with the friendly page, never 500.
    /// </summary>
    private static int StatusOf(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException or Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        _ when Races.IsLostRace(exception) => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static WebApplication UseMiraeWeb(this WebApplication app)
    {
        app.UseDeploymentDefaults();
        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", StatusCodeSelector = StatusOf });
        app.UseWhen(ApiProblems.IsApi, api => api.UseStatusCodePages());
        app.UseWhen(context => !ApiProblems.IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        // No endpoint is a 404 for everyone; without this the fallback policy would send strangers to sign-in.
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapOpenApi().AllowAnonymous();
        app.MapRazorPages();
        return app;
    }
}
