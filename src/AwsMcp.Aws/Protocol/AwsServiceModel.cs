namespace AwsMcp.Aws.Protocol;

/// <summary>What the protocol client needs to know about a service (from botocore's service-2.json metadata).</summary>
/// <param name="ServiceId">The SDK service id; <c>AWS_ENDPOINT_URL_&lt;ID&gt;</c> upper-cases it with spaces as underscores.</param>
/// <param name="SigningName">The SigV4 credential-scope service.</param>
/// <param name="EndpointPrefix">The host label of the default endpoint.</param>
/// <param name="Protocol">The wire protocol.</param>
/// <param name="TargetPrefix">awsJson only: <c>X-Amz-Target</c> is <c>TargetPrefix.Operation</c>.</param>
/// <param name="ApiVersion">awsQuery <c>Version</c>; for restJson the version in the paths.</param>
/// <param name="GlobalRegion">
/// Set for services with one endpoint per partition: the region they sign with in the aws partition (IAM, Budgets and
/// Cost Explorer: us-east-1). <see cref="AwsEndpointResolver"/> knows the other partitions.
/// </param>
public sealed record AwsServiceModel(
    string ServiceId,
    string SigningName,
    string EndpointPrefix,
    AwsProtocol Protocol,
    string? TargetPrefix,
    string? ApiVersion,
    string? GlobalRegion)
{
    /// <summary>The service-specific endpoint variable the AWS SDKs honour, e.g. <c>AWS_ENDPOINT_URL_COST_EXPLORER</c>.</summary>
    public string EndpointEnvironmentVariable => "AWS_ENDPOINT_URL_" + ServiceId.ToUpperInvariant().Replace(' ', '_');
}
