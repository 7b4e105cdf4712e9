using AwsMcp.Host.Configuration;
using AwsMcp.Host.Security.RequestFiltering;
using AwsMcp.Host.SharedState.Redis;
using AwsMcp.Host.ToolCalls.Confirmation;
using AwsMcp.Host.Tools.Toolsets;

namespace AwsMcp.Host.SharedState;

/// <summary>
/// Chooses, once at start, where the state replicas must agree on lives: in this process (no
/// <c>AwsMcp:SharedState:Redis</c>: used confirmation tokens in the audit folder's file, token buckets, toolset choices
/// and pack caches in memory, as a single server always kept them) or in the Redis they share. The local stores stay
/// registered either way: the shared ones fall back to them while Redis is unreachable, except for confirmation
/// tokens, which fail closed.
/// </summary>
public static class SharedStateRegistration
{
    public static IServiceCollection AddSharedState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ConfirmationReplayCache>();
        services.AddSingleton<LocalCallerRateLimiter>();
        services.AddSingleton<MemoryToolsetSelectionStore>();
        services.AddSingleton<MemoryToolPackCaches>();

        var options = configuration.GetSection(SharedStateOptions.Section).Get<SharedStateOptions>() ?? new();
        if (!options.Shared)
        {
            services.AddSingleton<IUsedConfirmationTokens>(provider => provider.GetRequiredService<ConfirmationReplayCache>());
            services.AddSingleton<ICallerRateLimiter>(provider => provider.GetRequiredService<LocalCallerRateLimiter>());
            services.AddSingleton<IToolsetSelectionStore>(provider => provider.GetRequiredService<MemoryToolsetSelectionStore>());
            services.AddSingleton<IToolPackCaches>(provider => provider.GetRequiredService<MemoryToolPackCaches>());
            return services;
        }

        services.AddSingleton<SharedStoreHealth>();
        services.AddSingleton<RedisStore>();
        services.AddHostedService<SharedStoreStartup>();
        services.AddSingleton<IUsedConfirmationTokens, RedisUsedConfirmationTokens>();
        services.AddSingleton<ICallerRateLimiter, RedisCallerRateLimiter>();
        services.AddSingleton<IToolsetSelectionStore, RedisToolsetSelectionStore>();
        services.AddSingleton<IToolPackCaches, RedisToolPackCaches>();
        return services;
    }
}
