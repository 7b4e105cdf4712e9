namespace AwsMcp.Compute.Ec2;

/// <summary>An allow-listed image alias: the newest available AMI of <paramref name="Owner"/> whose name matches <paramref name="NamePattern"/>.</summary>
/// <param name="Alias">What callers write, e.g. al2023.</param>
/// <param name="Owner">An account id, or amazon / self.</param>
/// <param name="NamePattern">An EC2 name filter (* and ? wildcards).</param>
internal sealed record ImageAlias(string Alias, string Owner, string NamePattern);
