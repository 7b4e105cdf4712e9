namespace AwsMcp.ScaleOut.Tests.Infrastructure;

/// <summary>Every scenario runs against the one cluster, one after another (the machine has two cores; the cluster is five processes).</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
