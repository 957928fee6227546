using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace Mirae.Web.Tests.Infrastructure;

/// <summary>
/// A real reverse proxy (YARP on Kestrel, loopback) in front of several instances: round-robin by default, or the
/// instance named by the <c>X-Instance</c> header (its index), so a test can say which instance serves a request. It
/// sends X-Forwarded-For/-Proto/-Host as a production proxy would.
/// </summary>
public sealed class TinyProxy : IAsyncDisposable
{
    public const string InstanceHeader = "X-Instance";

    private readonly WebApplication _app;

    private TinyProxy(WebApplication app, Uri address) => (_app, Address) = (app, address);

    public Uri Address { get; }

    public static async Task<TinyProxy> StartAsync(IReadOnlyList<Uri> instances)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var destinations = instances.Select((uri, i) => (Id: $"i{i}", Config: new DestinationConfig { Address = uri.ToString() })).ToList();
        var clusters = destinations.Select(d => new ClusterConfig { ClusterId = d.Id, Destinations = new Dictionary<string, DestinationConfig> { [d.Id] = d.Config } })
            .Append(new ClusterConfig
            {
                ClusterId = "all", LoadBalancingPolicy = "RoundRobin",
                Destinations = destinations.ToDictionary(d => d.Id, d => d.Config),
            }).ToList();
        var routes = destinations.Select((d, i) => new RouteConfig
            {
                RouteId = d.Id, ClusterId = d.Id, Order = 0,
                Match = new RouteMatch
                {
                    Path = "{**path}",
                    Headers = [new RouteHeader { Name = InstanceHeader, Values = [$"{i}"], Mode = HeaderMatchMode.ExactHeader }],
                },
            })
            .Append(new RouteConfig { RouteId = "all", ClusterId = "all", Order = 1, Match = new RouteMatch { Path = "{**path}" } }).ToList();
        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters);
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TinyProxy(app, new Uri(address));
    }

    /// <summary>A cookie-keeping page client through the proxy; <paramref name="instanceFor"/> picks the instance of each request (null: round-robin).</summary>
    public PageClient Client(Func<HttpRequestMessage, int?> instanceFor) =>
        new(new HttpClient(new PinHandler(instanceFor) { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true } })
            { BaseAddress = Address });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class PinHandler(Func<HttpRequestMessage, int?> instanceFor) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (instanceFor(request) is int instance)
            {
                request.Headers.Add(InstanceHeader, instance.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}
