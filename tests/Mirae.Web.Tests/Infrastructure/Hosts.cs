using Mirae.Web.Data;

namespace Mirae.Web.Tests.Infrastructure;

/// <summary>
/// One running host per provider, shared by the tests of the "web" collection; tests add the data they need. Tests about
/// the demo data share a second host per provider that has it.
/// </summary>
public sealed class Hosts : IAsyncLifetime, IDisposable
{
    private readonly Dictionary<(DatabaseProvider, bool), MiraeFactory> _started = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>A host with no demo data.</summary>
    public Task<MiraeFactory> GetAsync(DatabaseProvider provider) => GetAsync(provider, demo: false);

    /// <summary>A host seeded with the demo data, for tests about it.</summary>
    public Task<MiraeFactory> GetDemoAsync(DatabaseProvider provider) => GetAsync(provider, demo: true);

    private async Task<MiraeFactory> GetAsync(DatabaseProvider provider, bool demo)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_started.TryGetValue((provider, demo), out var factory))
            {
                factory = await MiraeFactory.StartAsync(provider, demo ? new Dictionary<string, string?> { ["Seed:Demo"] = "true" } : null);
                _started[(provider, demo)] = factory;
            }
            return factory;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var factory in _started.Values)
        {
            await factory.DisposeAsync();
        }
    }

    public void Dispose() => _gate.Dispose();
}

[CollectionDefinition("web")]
public sealed class WebHosts : ICollectionFixture<Hosts>;
