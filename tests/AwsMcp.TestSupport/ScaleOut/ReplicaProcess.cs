using System.Globalization;

namespace AwsMcp.TestSupport.ScaleOut;

/// <summary>
/// One replica: <c>awsmcp serve</c> on its own loopback port, with its own audit and shadow-copy folders, that can be
/// killed (SIGKILL) and started again on the same port, as an orchestrator replaces a crashed container.
/// </summary>
public sealed class ReplicaProcess : IAsyncDisposable
{
    private readonly string _hostAssembly;
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private ChildProcess? _process;
    private string _lastOutput = "";

    private ReplicaProcess(string name, string hostAssembly, int port, string folder, IReadOnlyDictionary<string, string?> environment)
    {
        Name = name;
        _hostAssembly = hostAssembly;
        Port = port;
        Folder = folder;
        _environment = environment;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>The replica's own folder: <c>audit/</c> (its hash-chained spool, one chain per run) and <c>shadow/</c>.</summary>
    public string Folder { get; }

    public string AuditPath => Path.Combine(Folder, "audit");

    public bool Running => _process is { HasExited: false };

    /// <summary>What the replica wrote in its current run, for failure messages.</summary>
    public string Output => _process?.Output ?? _lastOutput;

    /// <param name="environment">Settings as environment variables (<c>AWSMCP__...</c>), the sandbox's included.</param>
    public static async Task<ReplicaProcess> StartAsync(string name, string hostAssembly, int port, string folder, IReadOnlyDictionary<string, string?> environment)
    {
        var replica = new ReplicaProcess(name, hostAssembly, port, folder, environment);
        await replica.RestartAsync();
        return replica;
    }

    /// <summary>Starts the replica (again) on its port, with its folders: what it shares with the others is in the shared store.</summary>
    public async Task RestartAsync()
    {
        var environment = new Dictionary<string, string?>(_environment)
        {
            ["AWSMCP__Audit__Path"] = AuditPath,
            ["AWSMCP__Plugins__ShadowCopyPath"] = Path.Combine(Folder, "shadow"),
            ["AWSMCP__Plugins__Watch"] = "false",
        };
        _process = await ChildProcess.StartAsync(
            Name, "dotnet", [_hostAssembly, "serve", "--urls", Address.ToString().TrimEnd('/')],
            environment, line => line.Contains("Now listening on", StringComparison.Ordinal), TimeSpan.FromSeconds(90));
    }

    /// <summary>Kills the replica at once (SIGKILL): no draining, no flushing.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            _lastOutput = _process.Output;
            await _process.DisposeAsync();
        }

        _process = null;
    }

    public ValueTask DisposeAsync() => new(KillAsync());
}
