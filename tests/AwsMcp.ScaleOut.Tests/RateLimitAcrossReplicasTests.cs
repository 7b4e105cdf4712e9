using System.Collections.Concurrent;
using System.Net;
using AwsMcp.ScaleOut.Tests.Infrastructure;

namespace AwsMcp.ScaleOut.Tests;

/// <summary>The per-caller rate limit holds for the deployment, not per replica: three replicas do not allow three times the limit.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RateLimitAcrossReplicasTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Requests_over_the_limit_through_the_balancer_get_429_whichever_replica_answers()
    {
        // 300 requests, 60 over the limit; each replica alone would allow all of its ~100.
        const int Requests = 300;
        var answers = new ConcurrentBag<McpAnswer>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, _) =>
            answers.Add(await fixture.Http.ListAsync(fixture.Cluster.Balancer.Address, ClusterFixture.Limited)));

        var allowed = answers.Count(answer => answer.Status == HttpStatusCode.OK);
        var refused = answers.Where(answer => answer.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(Requests, allowed + refused.Count);

        // Exactly the limit within one minute window; a window boundary during the run lets a few more through (the
        // sliding window weighs the previous minute by what it still covers).
        Assert.InRange(allowed, ClusterFixture.RateLimitPerMinute, ClusterFixture.RateLimitPerMinute + 5);
        Assert.All(refused, answer => Assert.True(int.Parse(answer.RetryAfter!, System.Globalization.CultureInfo.InvariantCulture) >= 1));
        Assert.All(refused, answer => Assert.Contains("Too many requests", answer.Body));
        Assert.Equal(3, refused.Select(answer => answer.Upstream).Distinct().Count());

        // Another caller is not limited by this one.
        Assert.Equal(HttpStatusCode.OK, (await fixture.Http.ListAsync(fixture.Cluster.Balancer.Address, ClusterFixture.Bob)).Status);
    }
}
