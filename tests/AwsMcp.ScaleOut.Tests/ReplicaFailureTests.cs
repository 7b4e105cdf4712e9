using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AwsMcp.ScaleOut.Tests.Infrastructure;

namespace AwsMcp.ScaleOut.Tests;

/// <summary>
/// A replica killed (SIGKILL) under load loses no call it acknowledged and no call runs twice; started again, it
/// re-joins the balancer and works on the state the others share.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReplicaFailureTests(ClusterFixture fixture)
{
    private const int CallsPerClient = 50;

    [Fact]
    public async Task Killing_a_replica_under_load_loses_no_acknowledged_call_and_duplicates_no_write_and_a_restart_rejoins()
    {
        var cluster = fixture.Cluster;
        var victim = cluster.Replicas[1];
        foreach (var loader in ClusterFixture.Loaders)
        {
            await fixture.EnableAsync(loader, "s3");
        }

        // 4 clients x 50 calls, each creating a bucket of its own name (a write the sandbox can be asked about), through
        // the balancer; the victim is killed once a quarter of the calls are answered.
        var answered = 0;
        var calls = new ConcurrentBag<(string Bucket, McpAnswer? Answer, string? Failure)>();
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var load = Task.WhenAll(ClusterFixture.Loaders.Select((loader, client) => Task.Run(async () =>
        {
            for (var i = 0; i < CallsPerClient; i++)
            {
                var bucket = $"{fixture.Run}-load-{client}-{i.ToString(CultureInfo.InvariantCulture)}";
                try
                {
                    calls.Add((bucket, await fixture.Http.CallAsync(cluster.Balancer.Address, loader, "create_s3_bucket", new { bucket_name = bucket }), null));
                }
                catch (HttpRequestException e)
                {
                    calls.Add((bucket, null, e.Message));
                }

                if (Interlocked.Increment(ref answered) == CallsPerClient)
                {
                    killed.TrySetResult();
                }
            }
        })));
        await killed.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await victim.KillAsync();
        try
        {
            await CheckAsync(calls, load, victim);
        }
        finally
        {
            if (!victim.Running)
            {
                await victim.RestartAsync();
            }
        }
    }

    private async Task CheckAsync(ConcurrentBag<(string Bucket, McpAnswer? Answer, string? Failure)> calls, Task load, TestSupport.ScaleOut.ReplicaProcess victim)
    {
        var cluster = fixture.Cluster;
        var stopwatch = Stopwatch.StartNew();
        await load.WaitAsync(TimeSpan.FromMinutes(3));
        var victimAddress = $"127.0.0.1:{victim.Port.ToString(CultureInfo.InvariantCulture)}";

        var acknowledged = calls.Where(call => call.Answer is { Succeeded: true }).Select(call => call.Bucket).ToHashSet(StringComparer.Ordinal);
        var lost = calls.Where(call => call.Answer is not { Succeeded: true }).ToList();
        Assert.Equal(ClusterFixture.Loaders.Count * CallsPerClient, calls.Count);

        // Only calls the victim had when it died may go unanswered: in flight, or just written to a connection nginx kept
        // open to it (nginx does not resend a POST it already sent). Each client has one call at a time.
        Assert.True(lost.Count <= 2 * ClusterFixture.Loaders.Count, $"{lost.Count} calls failed: {string.Join("; ", lost.Take(5).Select(c => c.Failure ?? $"{(int)c.Answer!.Status} {c.Answer.Body}"))}");
        Assert.Contains(calls, call => call.Answer?.Upstream == victimAddress);

        // No acknowledged call lost its audit record, and no write ran twice, whichever replica ran it.
        var records = fixture.AuditRecords();
        foreach (var bucket in calls.Select(call => call.Bucket))
        {
            var succeeded = records.Outcomes("create_s3_bucket", bucket, "Succeeded").Count();
            Assert.True(succeeded <= 1, $"{bucket} was created {succeeded} times");
            Assert.True(!acknowledged.Contains(bucket) || succeeded == 1, $"{bucket} was acknowledged but no replica has its audit record");
        }

        // And the sandbox has every acknowledged bucket.
        var inSandbox = await BucketsAsync($"{fixture.Run}-load-");
        Assert.Empty(acknowledged.Except(inSandbox));

        // Started again on its port, the replica re-joins: the balancer routes to it within its fail_timeout.
        await victim.RestartAsync();
        stopwatch.Restart();
        Assert.True(
            await ClusterFixture.EventuallyAsync(async () => (await fixture.Http.GetAsync(cluster.Balancer.Address, "/")).Upstream == victimAddress, TimeSpan.FromSeconds(30)),
            "the balancer never routed to the restarted replica");

        // It sees the shared state: a token used through another replica while it was down is refused on it, and a
        // toolset enabled elsewhere is listed by it.
        var instance = await fixture.InstanceAsync(ClusterFixture.Rejoin, 1);
        var token = await fixture.PlanTerminateAsync(cluster.Replicas[0].Address, ClusterFixture.Rejoin, instance);
        Assert.True((await fixture.ConfirmTerminateAsync(cluster.Replicas[2].Address, ClusterFixture.Rejoin, instance, token)).Succeeded);
        Assert.Contains("already been used", (await fixture.ConfirmTerminateAsync(victim.Address, ClusterFixture.Rejoin, instance, token)).Text);
        Assert.Contains("terminate_ec2_instances", await fixture.Http.ToolNamesAsync(victim.Address, ClusterFixture.Rejoin));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromMinutes(1));
    }

    // Every bucket whose name starts with the prefix, page by page (bounded).
    private async Task<HashSet<string>> BucketsAsync(string prefix)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        string? next = null;
        for (var page = 0; page < 20; page++)
        {
            var answer = await fixture.Http.CallAsync(
                fixture.Cluster.Replicas[0].Address, ClusterFixture.Loaders[0], "list_s3_buckets",
                next is null ? new { prefix, limit = 100 } : new { prefix, limit = 100, next_token = next });
            Assert.True(answer.Succeeded, answer.Body);
            var json = answer.Json();
            names.UnionWith(json.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("name").GetString()!));
            next = json.TryGetProperty("next_token", out var token) && token.ValueKind == JsonValueKind.String ? token.GetString() : null;
            if (next is null)
            {
                break;
            }
        }

        return names;
    }
}
