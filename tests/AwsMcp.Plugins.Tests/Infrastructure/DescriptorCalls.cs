using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Sandbox.Testing;

namespace AwsMcp.Plugins.Tests.Infrastructure;

/// <summary>Calls a pack's descriptor directly, as the host does once a call is authorised, with a client channel of the test's choosing.</summary>
internal static class DescriptorCalls
{
    /// <summary>
    /// Binds <paramref name="arguments"/> with the generated binder and runs the call in the region they name (a
    /// template's <c>region</c>, a tool's <c>region</c>), else the hosts' default region, with <paramref name="client"/>
    /// as the way back to the client.
    /// </summary>
    public static async Task<ToolResult> InvokeAsync(this ToolDescriptor descriptor, string arguments, IClientChannel? client = null)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        using var json = JsonDocument.Parse(arguments);
        var bound = descriptor.Binder!(json.RootElement);
        var context = SandboxToolContext.Call(descriptor.Name, bound.Region ?? SandboxHostFixture.DefaultRegion, bound.Account, client: client);
        return await bound.InvokeAsync(context, CancellationToken.None);
    }
}
