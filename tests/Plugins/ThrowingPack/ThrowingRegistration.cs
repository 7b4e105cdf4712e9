using AwsMcp.Abstractions;

[assembly: ToolPack(typeof(ThrowingPack.ThrowingRegistration))]

namespace ThrowingPack;

/// <summary>Fails to register, like a plugin whose required setting is missing.</summary>
public sealed class ThrowingRegistration : IToolPack
{
    public IReadOnlyList<ToolDescriptor> CreateTools(ToolPackContext context) =>
        throw new InvalidOperationException($"required setting Plugin:RoleArn is missing for {context.PluginName}");
}
