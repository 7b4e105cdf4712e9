namespace AwsMcp.Aws.Protocol;

/// <summary>The wire protocols the protocol client speaks (Smithy names: awsJson1_1, restJson1, awsQuery).</summary>
public enum AwsProtocol
{
    /// <summary>awsJson1_1: <c>POST /</c>, <c>X-Amz-Target</c>, JSON in and out.</summary>
    Json,

    /// <summary>restJson1: HTTP method and path carry the operation, JSON bodies.</summary>
    RestJson,

    /// <summary>awsQuery: form-encoded <c>Action</c>/<c>Version</c> in, XML out.</summary>
    Query,
}
