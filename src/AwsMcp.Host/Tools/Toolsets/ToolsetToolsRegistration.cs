using AwsMcp.Host.Plugins;

namespace AwsMcp.Host.Tools.Toolsets;

/// <summary>Serves <see cref="ToolsetTools"/> when dynamic toolsets are on, validated like any hand-built descriptor.</summary>
public sealed class ToolsetToolsRegistration(ToolsetSelections selections, ToolsetTools tools, ToolRegistry registry) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (selections.Dynamic)
        {
            registry.Replace([], DescriptorValidator.Validate(ToolsetTools.PluginName, tools.Descriptors(), new PluginCalls()));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
