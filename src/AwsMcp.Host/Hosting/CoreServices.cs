using AwsMcp.Host.Callers;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Plugins;
using AwsMcp.Host.ToolCalls;
using AwsMcp.Host.Tools;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AwsMcp.Host.Hosting;

/// <summary>What every mode (HTTP, stdio, the command line) shares: options, plugins, registry and the call pipeline.</summary>
public static class CoreServices
{
    public static IServiceCollection AddAwsMcpCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAwsMcpOptions(configuration);
        services.AddSingleton<ToolRegistry>();
        services.AddSingleton<PluginFolderLoader>();
        services.AddSingleton<PluginCatalog>();
        services.AddHostedService<PluginHostedService>();
        services.TryAddSingleton<ICallerIdentityResolver, CallerIdentityResolver>();
        services.AddToolCallPipeline(configuration);
        return services;
    }
}
