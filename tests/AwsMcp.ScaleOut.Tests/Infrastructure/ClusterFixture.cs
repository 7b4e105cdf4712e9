using System.Globalization;
using AwsMcp.TestSupport.ScaleOut;

namespace AwsMcp.ScaleOut.Tests.Infrastructure;

/// <summary>
/// One cluster for the scenarios: a Redis, three replicas and nginx, with API-key callers (one per scenario, so that
/// their rate limits and toolset choices do not meet), writes on, dynamic toolsets on, and one confirmation key.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>Requests per minute per caller, across the replicas.</summary>
    public const int RateLimitPerMinute = 240;

    /// <summary>A prefix of this run's bucket names, so that runs never meet in the sandbox.</summary>
    public string Run { get; } = "so" + Guid.NewGuid().ToString("N")[..8];

    internal static readonly Caller Alice = new("alice");
    internal static readonly Caller Bob = new("bob");
    internal static readonly Caller Limited = new("limited");
    internal static readonly Caller Outage = new("outage");
    internal static readonly Caller Rejoin = new("rejoin");
    internal static readonly IReadOnlyList<Caller> Loaders = [.. Enumerable.Range(1, 4).Select(i => new Caller($"loader-{i.ToString(CultureInfo.InvariantCulture)}"))];

    public ScaleOutCluster Cluster { get; private set; } = null!;

    internal McpHttp Http { get; } = new();

    public async Task InitializeAsync()
    {
        var callers = new[] { Alice, Bob, Limited, Outage, Rejoin }.Concat(Loaders).ToList();
        var settings = new Dictionary<string, string?>
        {
            ["Tools:WritesEnabled"] = "true",
            ["Tools:DynamicToolsets"] = "true",
            ["Http:RateLimitPerMinute"] = RateLimitPerMinute.ToString(CultureInfo.InvariantCulture),
            ["Security:ConfirmationKey"] = Convert.ToBase64String([.. Enumerable.Range(0, 32).Select(i => (byte)(i * 11 + 3))]),
        };
        for (var i = 0; i < callers.Count; i++)
        {
            settings[$"Security:ApiKeys:{i}:Name"] = callers[i].Name;
            settings[$"Security:ApiKeys:{i}:Hash"] = callers[i].Hash;
        }

        Cluster = await ScaleOutCluster.StartAsync(new ScaleOutOptions { HostAssembly = TestBuild.HostAssembly, Replicas = 3, Settings = settings });
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Cluster.DisposeAsync();
    }

    /// <summary>Enables <paramref name="toolset"/> for <paramref name="caller"/> through the balancer (dynamic toolsets are on).</summary>
    internal async Task EnableAsync(Caller caller, string toolset)
    {
        var answer = await Http.CallAsync(Cluster.Balancer.Address, caller, "enable_toolset", new { toolset });
        Assert.True(answer.Succeeded, $"enable_toolset {toolset}: {(int)answer.Status} {answer.Body}");
    }

    /// <summary>Creates a bucket of this run through <paramref name="server"/> and returns its name.</summary>
    internal async Task<string> CreateBucketAsync(Uri server, Caller caller, string suffix)
    {
        var name = $"{Run}-{suffix}";
        var answer = await Http.CallAsync(server, caller, "create_s3_bucket", new { bucket_name = name });
        Assert.True(answer.Succeeded, $"create_s3_bucket {name}: {(int)answer.Status} {answer.Body}");
        return name;
    }

    /// <summary>
    /// The id of the sandbox's <paramref name="index"/>th instance in its default region: each scenario that terminates
    /// one takes its own index, so that a confirmed call always has a live target (a deleted bucket would be refused
    /// before its token is looked at).
    /// </summary>
    internal async Task<string> InstanceAsync(Caller caller, int index)
    {
        await EnableAsync(caller, "ec2");
        var answer = await Http.CallAsync(Cluster.Balancer.Address, caller, "list_ec2_instances", new { limit = 10 });
        Assert.True(answer.Succeeded, answer.Body);
        return answer.Json().GetProperty("items")[index].GetProperty("instance_id").GetString()!;
    }

    /// <summary>Asks for the plan of terminating <paramref name="instance"/> and returns its confirmation token.</summary>
    internal async Task<string> PlanTerminateAsync(Uri server, Caller caller, string instance)
    {
        var plan = await Http.CallAsync(server, caller, "terminate_ec2_instances", new { instance_ids = new[] { instance } });
        Assert.True(plan.Succeeded, $"plan: {(int)plan.Status} {plan.Body}");
        return plan.Json().GetProperty("confirmation_token").GetString()!;
    }

    internal Task<McpAnswer> ConfirmTerminateAsync(Uri server, Caller caller, string instance, string token) =>
        Http.CallAsync(server, caller, "terminate_ec2_instances", new { instance_ids = new[] { instance }, confirmation_token = token });

    /// <summary>Asks for the plan of deleting <paramref name="bucket"/> and returns its confirmation token.</summary>
    internal async Task<string> PlanDeleteAsync(Uri server, Caller caller, string bucket)
    {
        var plan = await Http.CallAsync(server, caller, "delete_s3_bucket", new { bucket_name = bucket });
        Assert.True(plan.Succeeded, $"plan: {(int)plan.Status} {plan.Body}");
        return plan.Json().GetProperty("confirmation_token").GetString()!;
    }

    internal Task<McpAnswer> ConfirmDeleteAsync(Uri server, Caller caller, string bucket, string token) =>
        Http.CallAsync(server, caller, "delete_s3_bucket", new { bucket_name = bucket, confirmation_token = token });

    /// <summary>Every audit record any replica wrote so far.</summary>
    internal IReadOnlyList<System.Text.Json.JsonElement> AuditRecords() => AuditTrail.Records(Cluster.Replicas.Select(replica => replica.AuditPath));

    /// <summary>Polls <paramref name="condition"/> every 200 ms until it holds, for at most <paramref name="timeout"/>.</summary>
    internal static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!deadline.IsCancellationRequested)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(200, CancellationToken.None);
        }

        return await condition();
    }
}
