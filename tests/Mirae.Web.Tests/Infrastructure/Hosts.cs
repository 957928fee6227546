using Mirae.Web.Data;

namespace Mirae.Web.Tests.Infrastructure;

/// <summary>One running host per provider, shared by the tests of the "web" collection; tests use their own data.</summary>
public sealed class Hosts : IAsyncLifetime, IDisposable
{
    private readonly Dictionary<DatabaseProvider, MiraeFactory> _started = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<MiraeFactory> GetAsync(DatabaseProvider provider)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_started.TryGetValue(provider, out var factory))
            {
                factory = await MiraeFactory.StartAsync(provider);
                _started[provider] = factory;
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
