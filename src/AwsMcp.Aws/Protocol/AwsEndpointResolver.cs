namespace AwsMcp.Aws.Protocol;

/// <summary>
/// Default endpoints and signing regions per partition, from botocore's endpoint rule sets and partitions.json
/// (<c>implicitGlobalRegion</c>). An override URL keeps the signing region the default endpoint would use, which is
/// what the SDKs do with AWS_ENDPOINT_URL.
/// </summary>
public static class AwsEndpointResolver
{
    private sealed record Partition(string Name, string DnsSuffix, string GlobalRegion);

    private static readonly Partition Aws = new("aws", "amazonaws.com", "us-east-1");
    private static readonly Partition China = new("aws-cn", "amazonaws.com.cn", "cn-northwest-1");
    private static readonly Partition GovCloud = new("aws-us-gov", "amazonaws.com", "us-gov-west-1");
    private static readonly Partition Iso = new("aws-iso", "c2s.ic.gov", "us-iso-east-1");
    private static readonly Partition IsoB = new("aws-iso-b", "sc2s.sgov.gov", "us-isob-east-1");

    /// <summary>Resolves the endpoint for <paramref name="service"/> in <paramref name="region"/>.</summary>
    /// <param name="overrideUrl">A configured endpoint (Aws:ServiceUrl, AWS_ENDPOINT_URL[_SERVICE], profile); null for the default.</param>
    public static AwsEndpoint Resolve(AwsServiceModel service, string region, Uri? overrideUrl)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrEmpty(region);
        var (host, signingRegion) = DefaultHost(service, region);
        return overrideUrl is null
            ? new AwsEndpoint(new Uri("https://" + host), signingRegion, IsOverride: false)
            : new AwsEndpoint(overrideUrl, signingRegion, IsOverride: true);
    }

    private static (string Host, string SigningRegion) DefaultHost(AwsServiceModel service, string region)
    {
        var partition = PartitionOf(region);
        if (service.GlobalRegion is null)
        {
            return ($"{service.EndpointPrefix}.{region}.{partition.DnsSuffix}", region);
        }

        return (service.EndpointPrefix, partition.Name) switch
        {
            // IAM: iam.amazonaws.com, iam.cn-north-1.amazonaws.com.cn, iam.us-gov.amazonaws.com.
            ("iam", "aws") => ("iam.amazonaws.com", "us-east-1"),
            ("iam", "aws-cn") => ("iam.cn-north-1.amazonaws.com.cn", "cn-north-1"),
            ("iam", "aws-us-gov") => ("iam.us-gov.amazonaws.com", "us-gov-west-1"),

            // Budgets: budgets.{dnsSuffix}, signed in the partition's global region.
            ("budgets", _) => ($"budgets.{partition.DnsSuffix}", partition.GlobalRegion),

            // Cost Explorer: ce.{implicitGlobalRegion}.{dnsSuffix}.
            _ => ($"{service.EndpointPrefix}.{partition.GlobalRegion}.{partition.DnsSuffix}", partition.GlobalRegion),
        };
    }

    private static Partition PartitionOf(string region) =>
        region switch
        {
            _ when region.StartsWith("cn-", StringComparison.Ordinal) => China,
            _ when region.StartsWith("us-gov-", StringComparison.Ordinal) => GovCloud,
            _ when region.StartsWith("us-isob-", StringComparison.Ordinal) => IsoB,
            _ when region.StartsWith("us-iso-", StringComparison.Ordinal) => Iso,
            _ => Aws,
        };
}
