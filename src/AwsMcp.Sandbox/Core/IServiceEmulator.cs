namespace AwsMcp.Sandbox.Core;

/// <summary>
/// One emulated AWS service. The sandbox routes each request by the service name in its SigV4 credential scope
/// (<c>Credential=AKID/20260101/us-east-1/&lt;service&gt;/aws4_request</c>) to the emulator with that
/// <see cref="SigningName"/>, after the signature has been verified.
/// </summary>
public interface IServiceEmulator
{
    /// <summary>The SigV4 signing name: <c>ec2</c>, <c>s3</c>, <c>sts</c>, <c>iam</c>, <c>lambda</c>, <c>logs</c>, <c>monitoring</c>, <c>ce</c>, <c>budgets</c>, <c>cloudtrail</c>, <c>awsssoportal</c>, <c>eks-auth</c>.</summary>
    string SigningName { get; }

    /// <summary>The operation name as AWS models it (e.g. <c>DescribeInstances</c>), used for fault injection and the request log; null when unknown.</summary>
    string? ResolveOperation(SandboxRequest request);

    /// <summary>Handles a verified request. Throws <see cref="SandboxServiceException"/> for AWS errors.</summary>
    ValueTask<SandboxResponse> HandleAsync(SandboxRequest request, string operation, CancellationToken cancellationToken);

    /// <summary>Renders an AWS error in this service's wire protocol (XML for query/rest-xml, JSON for json/rest-json).</summary>
    SandboxResponse RenderError(SandboxRequest request, SandboxServiceException error);
}
