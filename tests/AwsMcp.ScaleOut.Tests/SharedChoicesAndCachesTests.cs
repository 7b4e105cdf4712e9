using AwsMcp.ScaleOut.Tests.Infrastructure;

namespace AwsMcp.ScaleOut.Tests;

/// <summary>What one replica learned serves the others: a caller's toolset choice, and a Cost Explorer answer it paid for.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SharedChoicesAndCachesTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_toolset_enabled_through_one_replica_is_listed_by_every_replica()
    {
        var replicas = fixture.Cluster.Replicas;
        var answer = await fixture.Http.CallAsync(replicas[0].Address, ClusterFixture.Bob, "enable_toolset", new { toolset = "ec2" });

        Assert.True(answer.Succeeded, answer.Body);
        foreach (var replica in replicas)
        {
            Assert.Contains("list_ec2_instances", await fixture.Http.ToolNamesAsync(replica.Address, ClusterFixture.Bob));
        }
    }

    [Fact]
    public async Task A_cost_explorer_answer_fetched_by_one_replica_is_served_from_the_shared_cache_by_the_others()
    {
        var replicas = fixture.Cluster.Replicas;
        await fixture.EnableAsync(ClusterFixture.Bob, "cost");

        // Months no other test asks for, so the first answer is fetched.
        var first = await fixture.Http.CallAsync(replicas[0].Address, ClusterFixture.Bob, "get_estimated_cost", new { months = 3 });
        var second = await fixture.Http.CallAsync(replicas[1].Address, ClusterFixture.Bob, "get_estimated_cost", new { months = 3 });
        var third = await fixture.Http.CallAsync(replicas[2].Address, ClusterFixture.Bob, "get_estimated_cost", new { months = 3 });

        Assert.True(first.Succeeded, $"{first.Body}{Environment.NewLine}{fixture.Cluster.Diagnostics()}");
        Assert.False(first.Json().GetProperty("from_cache").GetBoolean());
        Assert.True(second.Json().GetProperty("from_cache").GetBoolean(), second.Body);
        Assert.True(third.Json().GetProperty("from_cache").GetBoolean(), third.Body);
    }
}
