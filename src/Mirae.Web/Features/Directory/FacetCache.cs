using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;

namespace Mirae.Web.Features.Directory;

/// <summary>
/// The facet counts of recent searches. Paging and sorting ask for the same counts again, and the common searches (the
/// materials' names) repeat; counting them was most of the directory page's cost (issue 16). An entry lives a minute;
/// any product, certificate, organization or material saved through this instance drops them all at once, and a change
/// saved by another instance shows within the minute. At most <see cref="MaxEntries"/> searches are kept.
/// </summary>
public sealed class FacetCache : SaveChangesInterceptor, IDisposable
{
    public const int MaxEntries = 2_000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private long _generation;

    public async Task<SearchProducts.Facets> GetOrCountAsync(string search, Func<Task<SearchProducts.Facets>> count)
    {
        // The generation read before counting: counts begun before a change are stored where nobody looks any more.
        var key = (Interlocked.Read(ref _generation), search);
        if (_cache.TryGetValue(key, out SearchProducts.Facets? facets))
        {
            return facets!;
        }
        facets = await count();
        _cache.Set(key, facets, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        return facets;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Forget(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Forget(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>Before the save (its own changes) and after it (counts taken while it committed).</summary>
    private void Forget(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e => e.Entity is Product or ProductCertificate or Organization or Material or MaterialCategory))
        {
            Interlocked.Increment(ref _generation);
        }
    }

    public void Dispose() => _cache.Dispose();
}
