using System.Reflection;
using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Sandbox;
using AwsMcp.Sandbox.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace Company.ToolPack.Tests;

/// <summary>
/// Starts the AwsMcp sandbox and loads this tool pack the way the server does: through the registration the generator
/// emitted, with the settings the server would pass. Calls go through the generated binders, so argument validation,
/// binding and result conversion are tested too.
/// </summary>
public sealed class SandboxToolPack : IAsyncLifetime
{
    public const string Region = "us-east-1";

    private SandboxServer? _sandbox;

    /// <summary>The pack's tools by name.</summary>
    public IReadOnlyDictionary<string, ToolDescriptor> Tools { get; private set; } = new Dictionary<string, ToolDescriptor>();

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync();

        // Like `awsmcp serve --sandbox`: the server's credentials come from the AWS SDK's default chain.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", SandboxIdentities.OperatorAccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SandboxIdentities.OperatorSecretAccessKey);
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Aws:Region"] = Region,
            ["Aws:ServiceUrl"] = _sandbox.Endpoint.ToString(),
        };
        var registration = typeof(InstanceTools).Assembly.GetCustomAttribute<ToolPackAttribute>()!.RegistrationType;
        var pack = (IToolPack)Activator.CreateInstance(registration)!;
        Tools = pack.CreateTools(new ToolPackContext("Company.ToolPack", settings, NullLoggerFactory.Instance)).ToDictionary(t => t.Name);
    }

    /// <summary>Calls a tool with JSON arguments, as the server does: bind (and validate) them, then run with the resolved target.</summary>
    public async Task<ToolResult> CallAsync(string tool, string arguments = "{}")
    {
        using var json = JsonDocument.Parse(arguments);
        var bound = Tools[tool].Binder!(json.RootElement);
        var context = new ToolContext
        {
            ToolName = tool,
            Caller = CallerIdentity.Local,
            Region = bound.Region ?? Region,
            Account = bound.Account,
            Logger = NullLogger.Instance,
            Audit = new IgnoredAudit(),
        };
        return await bound.InvokeAsync(context, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }

    private sealed class IgnoredAudit : IToolCallAudit
    {
        public void AwsRequest(string service, string operation, string? requestId)
        {
        }

        public void Resource(string resource)
        {
        }
    }
}
