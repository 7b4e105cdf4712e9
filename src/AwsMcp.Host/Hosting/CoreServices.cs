using AwsMcp.Host.Callers;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Plugins;
using AwsMcp.Host.SharedState;
using AwsMcp.Host.ToolCalls;
using AwsMcp.Host.Tools;
using AwsMcp.Host.Tools.Toolsets;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AwsMcp.Host.Hosting;

/// <summary>What every mode (HTTP, stdio, the command line) shares: options, plugins, registry and the call pipeline.</summary>
public static class CoreServices
{
    public static IServiceCollection AddAwsMcpCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAwsMcpOptions(configuration);
        services.AddSingleton<BackgroundHealth>();

        // Background work reports its faults (BackgroundHealth) and retries; one that still escapes must not stop the
        // server that is answering calls.
        services.Configure<HostOptions>(options => options.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        services.AddSingleton<ToolRegistry>();
        services.AddSingleton<PluginFolderLoader>();
        services.AddSingleton<PluginCatalog>();
        services.AddHostedService<PluginHostedService>();
        services.AddSharedState(configuration);
        services.AddSingleton<ToolsetSelections>();
        services.AddSingleton<ToolsetTools>();
        services.AddHostedService<ToolsetToolsRegistration>();
        services.TryAddSingleton<ICallerIdentityResolver, CallerIdentityResolver>();
        services.AddToolCallPipeline(configuration);
        return services;
    }
}
