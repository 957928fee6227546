using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Ledger;

/// <summary>Marker of the ledger's texts (LedgerTexts.resx, LedgerTexts.en.resx).</summary>
public sealed class LedgerTexts;

public static class LedgerModule
{
    public static IServiceCollection AddLedger(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LedgerOptions>(configuration.GetSection("Ledger"));
        services.AddSingleton<LedgerKey>();
        services.AddSingleton<LedgerSignal>();
        services.AddSingleton<LedgerSequencer>();
        services.AddScoped<LedgerRecords>();
        services.AddScoped<ReadLedger>();
        services.AddScoped<CollectCosignature>();
        var anchor = configuration.GetSection("Ledger:Anchor").Get<AnchorOptions>() ?? new AnchorOptions();
        if (anchor.Dev)
        {
            // A local test chain for demos: anvil from npm on 127.0.0.1 with its public dev key, started with the app.
            services.PostConfigure<LedgerOptions>(o =>
            {
                o.Anchor.Enabled = true;
                o.Anchor.RpcUrl ??= $"http://127.0.0.1:{o.Anchor.DevPort}";
                o.Anchor.PrivateKey ??= AnchorOptions.AnvilDevKey;
                o.Anchor.ChainId = 31337;
            });
            services.AddHostedService<AnvilDevChain>();
        }
        services.AddScheduledJob<AnchorCheckpoints>("ledger.anchor", Schedules.Every(anchor.Interval));
        services.AddHostedService<LedgerBackground>();
        services.AddTexts<LedgerTexts>();
        services.AddNavigation(
            new NavEntry("Nav.Verify", "/verify", 170, NavAudience.Everyone),
            new NavEntry("Nav.LedgerStatus", "/admin/ledger", 520, NavAudience.ProgramStaff, StaffArea.Content));
        return services;
    }

    /// <summary>Lets the sequencer check a feature's entries against its records (see <see cref="ILedgerSource"/>).</summary>
    public static IServiceCollection AddLedgerSource<TSource>(this IServiceCollection services) where TSource : class, ILedgerSource
    {
        services.AddScoped<ILedgerSource, TSource>();
        return services;
    }
}
