using AwsMcp.Abstractions;
using AwsMcp.Host.Plugins;
using AwsMcp.Sandbox;
using AwsMcp.Sandbox.Core;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;

namespace AwsMcp.Plugins.Tests.Infrastructure;

/// <summary>
/// Shared by every tool-pack test class (collection <c>sandbox</c>): one <see cref="SandboxServer"/> on 127.0.0.1 with
/// the seeded estate, the process's AWS environment pointed at it (as <c>serve --sandbox</c> does), and two real hosts
/// serving copies of every built tool pack: read-only (the default) and writes-enabled.
/// </summary>
/// <remarks>
/// The sandbox state is shared: tests that change it create their own resources (or change seeded ones in a way
/// other tests do not depend on) and say so.
/// </remarks>
public sealed class SandboxHostFixture : IAsyncLifetime
{
    /// <summary>The default region of both hosts (and of <c>AWS_REGION</c>).</summary>
    public const string DefaultRegion = "us-east-1";

    /// <summary>The configured account name (the tools' <c>account</c> argument) of the sandbox's second account, 210987654321, reached through its seeded AwsMcpReadOnly role.</summary>
    public const string SharedAccount = "shared";

    private static readonly string[] AwsEnvironmentVariables =
        ["AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_PROFILE"];

    private readonly Dictionary<string, string?> _savedEnvironment = [];
    private PluginFolder? _plugins;
    private SandboxHost? _readOnly;
    private SandboxHost? _writes;

    /// <summary>The emulator: its <see cref="SandboxServer.Faults"/> inject AWS errors, its <see cref="SandboxServer.RequestLog"/> shows what reached it.</summary>
    public SandboxServer Sandbox { get; private set; } = null!;

    /// <summary>The tool packs both hosts loaded (plugin folder names).</summary>
    public IReadOnlyCollection<string> ToolPacks => ToolPackBuild.Outputs.Keys.ToList();

    public async Task InitializeAsync()
    {
        Sandbox = await SandboxServer.StartAsync();
        PointAwsEnvironmentAtSandbox();
        _plugins = ToolPackBuild.CopyInto(new PluginFolder());
        _readOnly = await StartHostAsync("read-only", writesEnabled: false);
        _writes = await StartHostAsync("writes", writesEnabled: true);
    }

    /// <summary>
    /// What a tool pack gave the read-only host through its generated <see cref="IToolPack"/> (tools, prompts,
    /// resources, templates and completion providers), for tests that read its schemas or call one directly.
    /// </summary>
    internal IReadOnlyList<ToolDescriptor> DescriptorsOf(string pack) =>
        [.. _readOnly!.Services.GetRequiredService<PluginCatalog>().Loaded.Single(plugin => plugin.Name == pack).Tools.Select(tool => tool.Descriptor)];

    /// <summary>The descriptor named <paramref name="name"/> of <paramref name="pack"/>.</summary>
    internal ToolDescriptor DescriptorOf(string pack, string name) => DescriptorsOf(pack).Single(descriptor => descriptor.Name == name);

    /// <summary>Connects an MCP client over Streamable HTTP to the read-only host, or to the writes-enabled one.</summary>
    public Task<McpClient> ConnectAsync(bool writes = false, string protocolVersion = "2025-06-18") =>
        (writes ? _writes : _readOnly)!.ConnectAsync(protocolVersion);

    public async Task DisposeAsync()
    {
        foreach (var host in new[] { _writes, _readOnly })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }

        foreach (var (name, value) in _savedEnvironment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        _plugins?.Dispose();
    }

    private void PointAwsEnvironmentAtSandbox()
    {
        foreach (var name in AwsEnvironmentVariables)
        {
            _savedEnvironment[name] = Environment.GetEnvironmentVariable(name);
        }

        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", Sandbox.Endpoint.ToString().TrimEnd('/'));
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", SandboxIdentities.OperatorAccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SandboxIdentities.OperatorSecretAccessKey);
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        Environment.SetEnvironmentVariable("AWS_PROFILE", null);
        Environment.SetEnvironmentVariable("AWS_REGION", DefaultRegion);
    }

    /// <summary>
    /// Starts one more host over a plugins folder of its own (tests that change it, or the policy, without touching
    /// the shared hosts): writes enabled, with <paramref name="settings"/> on top. The caller disposes both.
    /// </summary>
    internal async Task<(SandboxHost Host, PluginFolder Plugins)> StartOwnHostAsync(string name, IReadOnlyDictionary<string, string?> settings)
    {
        var plugins = ToolPackBuild.CopyInto(new PluginFolder());
        return (await StartHostAsync(name, writesEnabled: true, plugins, settings), plugins);
    }

    private Task<SandboxHost> StartHostAsync(string name, bool writesEnabled) => StartHostAsync(name, writesEnabled, _plugins!, null);

    private async Task<SandboxHost> StartHostAsync(string name, bool writesEnabled, PluginFolder plugins, IReadOnlyDictionary<string, string?>? settings)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["AwsMcp:Plugins:Watch"] = "false",
            ["AwsMcp:Aws:Region"] = DefaultRegion,
            // Fault-injection tests exhaust retries; one retry keeps them fast while still exercising the retry path.
            ["AwsMcp:Aws:MaxErrorRetry"] = "1",
            ["AwsMcp:Aws:TimeoutSeconds"] = "20",
            [$"AwsMcp:Aws:Accounts:{SharedAccount}:RoleArn"] = "arn:aws:iam::210987654321:role/AwsMcpReadOnly",
            ["AwsMcp:Tools:WritesEnabled"] = writesEnabled ? "true" : "false",
            // Every test shares one caller; the per-caller request limit would throttle the suite, not a client.
            ["AwsMcp:Http:RateLimitPerMinute"] = "0",
            // A configured image alias for create_ec2_instance: the seeded account's private golden image (us-east-1, eu-west-1).
            ["AwsMcp:Plugins:Settings:AwsMcp.Compute:ImageAliases:golden-web"] = "self/awsmcp-golden-web-*",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in plugins.HostSettings(name).Concat(settings ?? new Dictionary<string, string?>()))
        {
            configuration[key] = value;
        }

        var host = await SandboxHost.StartAsync(configuration);
        var catalog = host.Services.GetRequiredService<PluginCatalog>();
        var failures = string.Join(Environment.NewLine, catalog.Failures.Select(f => $"{f.Name}: {f.Stage}: {f.Reason}"));
        Assert.True(catalog.Failures.Count == 0, $"The {name} host failed to load tool packs:{Environment.NewLine}{failures}");
        Assert.Equal(ToolPacks.Order(StringComparer.Ordinal), catalog.Loaded.Select(p => p.Name).Order(StringComparer.Ordinal));
        return host;
    }
}
