using System.Net;
using AwsMcp.ScaleOut.Tests.Infrastructure;

namespace AwsMcp.ScaleOut.Tests;

/// <summary>A confirmation token is honoured once across all replicas: used through one, refused on every other.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ConfirmationAcrossReplicasTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_token_issued_through_one_replica_is_honoured_once_and_refused_on_the_others()
    {
        var replicas = fixture.Cluster.Replicas;
        var instance = await fixture.InstanceAsync(ClusterFixture.Alice, 0);
        var token = await fixture.PlanTerminateAsync(replicas[0].Address, ClusterFixture.Alice, instance);

        // The same confirmed call on every replica at once: exactly one may run it.
        var answers = await Task.WhenAll(replicas.Select(replica => fixture.ConfirmTerminateAsync(replica.Address, ClusterFixture.Alice, instance, token)));
        var again = await fixture.ConfirmTerminateAsync(fixture.Cluster.Balancer.Address, ClusterFixture.Alice, instance, token);

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        var honoured = Assert.Single(answers, answer => answer.Succeeded);
        Assert.Contains(instance, honoured.Text, StringComparison.Ordinal);
        Assert.All(answers.Where(answer => !answer.Succeeded).Append(again), refused => Assert.Contains("already been used", refused.Text));

        // Audited where each happened: one run, three refusals under the confirmation rule.
        var records = fixture.AuditRecords();
        Assert.Single(records.Outcomes("terminate_ec2_instances", instance, "Succeeded"));
        Assert.Equal(3, records.Outcomes("terminate_ec2_instances", instance, "Refused").Count(r => r.GetProperty("policyRule").GetString() == "confirmation-refused"));
    }
}
