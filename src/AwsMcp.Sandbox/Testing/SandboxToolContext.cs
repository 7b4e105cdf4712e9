using AwsMcp.Abstractions;
using AwsMcp.Sandbox.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsMcp.Sandbox.Testing;

/// <summary>
/// What the server hands a tool pack and each of its calls, made by hand for tests that run tools without a server:
/// the pack's settings point its AWS clients at a sandbox, and a call runs as the local operator with logging and
/// audit discarded.
/// </summary>
public static class SandboxToolContext
{
    /// <summary>The default region of <c>serve --sandbox</c>, where most of the seeded estate lives.</summary>
    public const string Region = "us-east-1";

    /// <summary>
    /// The pack context the server would create under <c>serve --sandbox</c>: <c>Aws:Region</c> and
    /// <c>Aws:ServiceUrl</c> aimed at <paramref name="sandbox"/>, then <paramref name="settings"/> (which win).
    /// </summary>
    public static ToolPackContext Pack(SandboxServer sandbox, string pluginName, params (string Key, string? Value)[] settings)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentNullException.ThrowIfNull(settings);
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Aws:Region"] = Region,
            ["Aws:ServiceUrl"] = sandbox.Endpoint.ToString(),
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return new ToolPackContext(pluginName, all, NullLoggerFactory.Instance);
    }

    /// <summary>
    /// A call's context as the server makes it once the call is authorised: <paramref name="region"/> null leaves
    /// the pack's <c>Aws:Region</c> to apply; the caller is the local operator unless given; <paramref name="client"/>
    /// (e.g. one that records progress) is the way back to the client, <see cref="ClientChannel.None"/> unless given.
    /// </summary>
    public static ToolContext Call(
        string toolName,
        string? region = null,
        string? account = null,
        CallerIdentity? caller = null,
        CancellationToken cancellationToken = default,
        IClientChannel? client = null) => new()
        {
            ToolName = toolName,
            Caller = caller ?? CallerIdentity.Local,
            Region = region,
            Account = account,
            Logger = NullLogger.Instance,
            Audit = new DiscardedAudit(),
            CancellationToken = cancellationToken,
            Client = client ?? ClientChannel.None,
        };

    /// <summary>
    /// Gives this process's AWS SDK default credentials the sandbox's operator key, as <c>serve --sandbox</c> does:
    /// a pack's client factory finds its credentials there, as it would on a server.
    /// </summary>
    public static void UseOperatorCredentials()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", SandboxIdentities.OperatorAccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SandboxIdentities.OperatorSecretAccessKey);
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
    }

    private sealed class DiscardedAudit : IToolCallAudit
    {
        public void AwsRequest(string service, string operation, string? requestId)
        {
        }

        public void Resource(string resource)
        {
        }
    }
}
