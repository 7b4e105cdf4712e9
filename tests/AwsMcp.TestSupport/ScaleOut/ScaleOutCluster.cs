using System.Globalization;

namespace AwsMcp.TestSupport.ScaleOut;

/// <summary>
/// A deployment in miniature, all on 127.0.0.1: one AWS sandbox process, a real Redis (unless
/// <see cref="ScaleOutOptions.SharedState"/> is off), N <c>awsmcp serve</c> replicas sharing both, and a real nginx in
/// front. Disposing it kills every process it started; its folders go with it.
/// </summary>
public sealed class ScaleOutCluster : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    private ScaleOutCluster(string folder) => Folder = folder;

    public string Folder { get; }

    public SandboxProcess Sandbox { get; private set; } = null!;

    /// <summary>The shared store, or null when the replicas keep their state themselves.</summary>
    public RedisServer? Redis { get; private set; }

    public IReadOnlyList<ReplicaProcess> Replicas { get; private set; } = [];

    public NginxBalancer Balancer { get; private set; } = null!;

    public static async Task<ScaleOutCluster> StartAsync(ScaleOutOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cluster = new ScaleOutCluster(Path.Combine(Path.GetTempPath(), "awsmcp-scale-out", Guid.NewGuid().ToString("N")[..12]));
        try
        {
            cluster.Sandbox = cluster.Own(await SandboxProcess.StartAsync(options.HostAssembly));
            if (options.SharedState)
            {
                cluster.Redis = cluster.Own(await RedisServer.StartAsync());
            }

            var environment = new Dictionary<string, string?>(cluster.Sandbox.ClientEnvironment)
            {
                ["AWSMCP__SharedState__Redis"] = cluster.Redis?.ConnectionString,
                ["AWSMCP__Logging__Json"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
                ["Logging__LogLevel__AwsMcp.Host.SharedState"] = "Information",
            };
            foreach (var (key, value) in options.Settings)
            {
                environment["AWSMCP__" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            // One at a time: on two cores, three starting at once take longer than three in a row.
            var replicas = new List<ReplicaProcess>();
            for (var i = 1; i <= options.Replicas; i++)
            {
                var name = $"replica-{i.ToString(CultureInfo.InvariantCulture)}";
                replicas.Add(cluster.Own(await ReplicaProcess.StartAsync(name, options.HostAssembly, FreePort.Next(), Path.Combine(cluster.Folder, name), environment)));
            }

            cluster.Replicas = replicas;
            cluster.Balancer = cluster.Own(await NginxBalancer.StartAsync(replicas.Select(r => r.Port), Path.Combine(cluster.Folder, "nginx")));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The last lines each replica and nginx wrote, for a failure message.</summary>
    public string Diagnostics() =>
        string.Join(Environment.NewLine, Replicas.Select(replica =>
            $"--- {replica.Name} (:{replica.Port.ToString(CultureInfo.InvariantCulture)}){Environment.NewLine}{Tail(replica.Output)}"))
        + $"{Environment.NewLine}--- nginx{Environment.NewLine}{Tail(Balancer?.ErrorLog ?? "")}";

    /// <summary>The replica listening on <paramref name="upstream"/> (<c>127.0.0.1:port</c>, as nginx names it).</summary>
    public ReplicaProcess? ReplicaAt(string? upstream) =>
        Replicas.FirstOrDefault(replica => upstream == $"127.0.0.1:{replica.Port.ToString(CultureInfo.InvariantCulture)}");

    public async ValueTask DisposeAsync()
    {
        // The balancer first, the sandbox last: nothing sends to a process that is already gone. Each is killed whatever
        // happened to the one before, so that a failed test leaves no process behind.
        var failures = new List<Exception>();
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            try
            {
                await owned.DisposeAsync();
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or OperationCanceledException)
            {
                failures.Add(e);
            }
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("Some processes of the cluster could not be stopped", failures);
        }
    }

    private static string Tail(string output) => string.Join(Environment.NewLine, output.Split(Environment.NewLine).TakeLast(30));

    private T Own<T>(T owned)
        where T : IAsyncDisposable
    {
        _owned.Add(owned);
        return owned;
    }
}
