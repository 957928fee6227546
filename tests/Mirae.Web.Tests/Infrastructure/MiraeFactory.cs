using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mirae.Web.Data;

namespace Mirae.Web.Tests.Infrastructure;

/// <summary>The real host (<c>Program</c>) on a real database, with a known administrator.</summary>
/// <remarks>Disposing the factory drops the database unless <paramref name="ownsDatabase"/> is false.</remarks>
public sealed class MiraeFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, bool ownsDatabase = true,
    TimeProvider? clock = null)
    : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.mirae.local";
    public const string AdminPassword = "admin-Test-2026!";

    public TestDatabase Database { get; } = database;
    public LogSink Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Admin:Password", AdminPassword);
        builder.UseSetting("RateLimiting:SignInPermitLimit", "10000");
        builder.UseSetting("RateLimiting:CalculatorPermitLimit", "10000");
        // Tests run due jobs themselves (JobScheduler.RunDueAsync) at the instant they choose.
        builder.UseSetting("Scheduler:Enabled", "false");
        // Tests number and sign the log themselves (LedgerSequencer.RunOnceAsync).
        builder.UseSetting("Ledger:Background", "false");
        // Tests seed only what they need (the builders in this folder); a test about the demo data asks for it.
        builder.UseSetting("Seed:Demo", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (clock is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(clock));
        }
    }

    public PageClient CreatePageClient() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A page client already signed in as <paramref name="email"/>.</summary>
    public async Task<PageClient> SignedInClientAsync(string email, string password = Members.Password)
    {
        var client = CreatePageClient();
        using var _ = await client.SignInAsync(email, password);
        return client;
    }

    public Task<PageClient> AdminClientAsync() => SignedInClientAsync(AdminEmail, AdminPassword);

    public AppDbContext CreateDbContext() => Services.CreateScope().ServiceProvider.GetRequiredService<AppDbContext>();

    /// <summary>Starts the real Kestrel server on a free loopback port (instead of the in-memory test server) and returns its address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        return new Uri(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());
    }

    public static async Task<MiraeFactory> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var factory = new MiraeFactory(await TestDatabase.CreateAsync(provider), settings);
        factory.StartServer();
        return factory;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}

/// <summary>Keeps what the host logged, so tests can read what an operator would see on the console.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

    public IEnumerable<string> Messages => _messages;

    public ILogger CreateLogger(string categoryName) => new Logger(_messages);

    public void Dispose()
    {
    }

    private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                messages.Enqueue(exception is null ? formatter(state, exception) : formatter(state, exception) + "\n" + exception);
            }
        }
    }
}
