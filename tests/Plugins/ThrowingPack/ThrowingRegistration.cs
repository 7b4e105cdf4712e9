using AwsMcp.Abstractions;

[assembly: ToolPack(typeof(ThrowingPack.ThrowingRegistration))]

namespace ThrowingPack;

/// <summary>
/// Fails to register, like a plugin whose required setting is missing; with the setting <c>Plugin:Throw=cancelled</c>
/// it throws a cancellation of its own (a timed-out HTTP call at load, say), which is a plugin failure like any other.
/// </summary>
public sealed class ThrowingRegistration : IToolPack
{
    public IReadOnlyList<ToolDescriptor> CreateTools(ToolPackContext context) =>
        context.GetSetting("Plugin:Throw") == "cancelled"
            ? throw new TaskCanceledException("the plugin's own startup request timed out")
            : throw new InvalidOperationException($"required setting Plugin:RoleArn is missing for {context.PluginName}");
}
