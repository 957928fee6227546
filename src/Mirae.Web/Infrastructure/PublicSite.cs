using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Mirae.Web.Infrastructure;

/// <summary>How the site is reached from outside (<c>Site:*</c>).</summary>
public sealed class SiteOptions
{
    /// <summary>The address people use, e.g. <c>https://mirae.incheon.go.kr</c>: every absolute link, e-mail and calendar UID starts from it, never from the request's Host header.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5000";

    /// <summary>Addresses of the reverse proxies whose <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> are believed; none by default.</summary>
    public string[] KnownProxies { get; set; } = [];
}

/// <summary>Absolute links to the site, from the configured public address.</summary>
public sealed class PublicSite(IOptions<SiteOptions> options)
{
    private readonly Uri _origin = new(options.Value.PublicUrl.TrimEnd('/') + "/");

    /// <summary>The public host name (calendar UIDs are unique under it).</summary>
    public string Host => _origin.Host;

    /// <summary>The absolute address of a site path such as <c>/calls/7</c>.</summary>
    public string Link(string path) => new Uri(_origin, path.TrimStart('/')).AbsoluteUri;
}

/// <summary>Running behind a proxy, on HTTPS, as one of several instances: what the pipeline trusts and adds.</summary>
public static class Deployment
{
    public static IServiceCollection AddPublicSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SiteOptions>().Bind(configuration.GetSection("Site"))
            .Validate(o => Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/",
                "Site:PublicUrl must be an absolute http(s) address without a path, such as https://mirae.incheon.go.kr")
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "Site:KnownProxies must be IP addresses")
            .ValidateOnStart();
        services.AddSingleton<PublicSite>();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            // Only the proxies named in configuration; the framework would otherwise also trust loopback.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in configuration.GetSection("Site:KnownProxies").Get<string[]>() ?? [])
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    o.KnownProxies.Add(address);
                }
            }
        });
        // No "Server: Kestrel" banner.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        return services;
    }

    /// <summary>Forwarded headers from the known proxies only, Secure cookies and HSTS on HTTPS, TRACE refused.</summary>
    public static IApplicationBuilder UseDeploymentDefaults(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders();
        // Every cookie (sign-in, antiforgery, language) is Secure when the request came over HTTPS.
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest });
        return app.Use((context, next) =>
        {
            if (HttpMethods.IsTrace(context.Request.Method) || string.Equals(context.Request.Method, "TRACK", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return Task.CompletedTask;
            }
            if (context.Request.IsHttps)
            {
                context.Response.Headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }
            return next(context);
        });
    }
}
