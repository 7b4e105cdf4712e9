using System.Net;
using System.Text.Json;
using AwsMcp.ScaleOut.Tests.Infrastructure;

namespace AwsMcp.ScaleOut.Tests;

/// <summary>
/// Redis down: a confirmed destructive call is refused (fail closed) and audited so, reads and rate limits go on per
/// replica, every replica says so in <c>/health/ready</c>; Redis back: the replicas reconnect on their own.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SharedStoreOutageTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Without_the_shared_store_confirmations_are_refused_reads_go_on_and_readiness_says_why_until_it_is_back()
    {
        var cluster = fixture.Cluster;
        var lb = cluster.Balancer.Address;
        await fixture.EnableAsync(ClusterFixture.Outage, "s3");
        var bucket = await fixture.CreateBucketAsync(lb, ClusterFixture.Outage, "outage");
        var token = await fixture.PlanDeleteAsync(lb, ClusterFixture.Outage, bucket);

        await cluster.Redis!.StopAsync();
        try
        {
            Assert.True(await ClusterFixture.EventuallyAsync(AllAsync("degraded"), TimeSpan.FromSeconds(20)), "the replicas never reported the store unreachable");
            var refused = await fixture.ConfirmDeleteAsync(lb, ClusterFixture.Outage, bucket, token);
            // Toolset choices stay on the replica that heard them while the store is down: read through that one.
            var enabled = await fixture.Http.CallAsync(lb, ClusterFixture.Outage, "enable_toolset", new { toolset = "s3" });
            var read = await fixture.Http.CallAsync(cluster.ReplicaAt(enabled.Upstream)!.Address, ClusterFixture.Outage, "list_s3_buckets", new { prefix = fixture.Run });
            var readiness = await ReadinessAsync(cluster.Replicas[0].Address);

            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.False(refused.Succeeded);
            Assert.Contains("(AwsMcp:SharedState:Redis) is unreachable", refused.Text);
            Assert.Contains(fixture.AuditRecords().Outcomes("delete_s3_bucket", bucket, "Refused"),
                record => record.GetProperty("policyRule").GetString() == "confirmation-store-unreachable");
            Assert.True(read.Succeeded, $"{read.Body}{Environment.NewLine}{cluster.Diagnostics()}");
            Assert.Contains("unreachable", readiness.GetProperty("background").GetProperty("shared-state").GetProperty("detail").GetString());
        }
        finally
        {
            await cluster.Redis.RestartAsync();
        }

        // StackExchange.Redis reconnects by itself (its back-off is a few seconds); the same token then works: it was never used.
        Assert.True(await ClusterFixture.EventuallyAsync(AllAsync("ready"), TimeSpan.FromSeconds(60)), "the replicas never reconnected");
        await fixture.EnableAsync(ClusterFixture.Outage, "s3");
        var confirmed = await fixture.ConfirmDeleteAsync(lb, ClusterFixture.Outage, bucket, token);
        Assert.True(confirmed.Succeeded, $"{confirmed.Body}{Environment.NewLine}{cluster.Diagnostics()}");
    }

    private Func<Task<bool>> AllAsync(string status) => async () =>
    {
        foreach (var replica in fixture.Cluster.Replicas)
        {
            if ((await ReadinessAsync(replica.Address)).GetProperty("status").GetString() != status)
            {
                return false;
            }
        }

        return true;
    };

    private async Task<JsonElement> ReadinessAsync(Uri replica)
    {
        var answer = await fixture.Http.GetAsync(replica, "health/ready", ClusterFixture.Outage);
        using var document = JsonDocument.Parse(answer.Body);
        return document.RootElement.Clone();
    }
}
