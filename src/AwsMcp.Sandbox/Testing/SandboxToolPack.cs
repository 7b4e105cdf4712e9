using System.Reflection;
using System.Text.Json;
using AwsMcp.Abstractions;

namespace AwsMcp.Sandbox.Testing;

/// <summary>
/// A tool pack loaded the way the server loads it, against a sandbox of its own: through the registration the
/// generator emitted, with the settings <c>serve --sandbox</c> would pass. Calls go through the generated binders, so
/// argument validation, binding and result conversion are tested too.
/// </summary>
public sealed class SandboxToolPack : IAsyncDisposable
{
    private SandboxToolPack(SandboxServer sandbox, ToolPackContext context, IReadOnlyDictionary<string, ToolDescriptor> tools)
    {
        Sandbox = sandbox;
        Context = context;
        Tools = tools;
    }

    /// <summary>The emulator: <see cref="SandboxServer.Faults"/> injects AWS errors, <see cref="SandboxServer.RequestLog"/> shows what reached it.</summary>
    public SandboxServer Sandbox { get; }

    /// <summary>What the pack was loaded with (its settings, and the services its tool classes share).</summary>
    public ToolPackContext Context { get; }

    /// <summary>The pack's tools by name.</summary>
    public IReadOnlyDictionary<string, ToolDescriptor> Tools { get; }

    /// <summary>
    /// Starts a sandbox and loads the tool pack compiled into <paramref name="toolPack"/>, named after the assembly,
    /// with <see cref="SandboxToolContext.Pack"/>'s settings plus <paramref name="settings"/>. Sets the process's AWS
    /// credentials to the sandbox's operator key (<see cref="SandboxToolContext.UseOperatorCredentials"/>).
    /// </summary>
    public static async Task<SandboxToolPack> StartAsync(Assembly toolPack, params (string Key, string? Value)[] settings)
    {
        ArgumentNullException.ThrowIfNull(toolPack);
        var registration = toolPack.GetCustomAttribute<ToolPackAttribute>()?.RegistrationType
            ?? throw new InvalidOperationException($"{toolPack.GetName().Name} has no [ToolPack] registration: it has no [Tool] methods, or the AwsMcp generator did not run.");
        var sandbox = await SandboxServer.StartAsync().ConfigureAwait(false);
        SandboxToolContext.UseOperatorCredentials();
        var context = SandboxToolContext.Pack(sandbox, toolPack.GetName().Name!, settings);
        var tools = ((IToolPack)Activator.CreateInstance(registration)!).CreateTools(context).ToDictionary(tool => tool.Name);
        return new SandboxToolPack(sandbox, context, tools);
    }

    /// <summary>Calls a tool with JSON arguments, as the server does: bind (and validate) them, then run in the region they name, else the default.</summary>
    public async Task<ToolResult> CallAsync(string tool, string arguments = "{}", CancellationToken cancellationToken = default)
    {
        using var json = JsonDocument.Parse(arguments);
        var bound = Tools[tool].Binder!(json.RootElement);
        var context = SandboxToolContext.Call(tool, bound.Region ?? SandboxToolContext.Region, bound.Account, cancellationToken: cancellationToken);
        return await bound.InvokeAsync(context, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync().ConfigureAwait(false);
        await Sandbox.DisposeAsync().ConfigureAwait(false);
    }
}
