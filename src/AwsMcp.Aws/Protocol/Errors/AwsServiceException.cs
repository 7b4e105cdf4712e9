using System.Net;
using Amazon.Runtime;

namespace AwsMcp.Aws.Protocol.Errors;

/// <summary>
/// An error answer from a service reached through <see cref="AwsProtocolClient"/>. It derives from the SDK's
/// <see cref="AmazonServiceException"/> so callers handle SDK and protocol-client failures alike, by
/// <see cref="AmazonServiceException.ErrorCode"/>.
/// </summary>
public sealed class AwsServiceException : AmazonServiceException
{
    public AwsServiceException(
        string serviceId,
        string operation,
        string message,
        ErrorType errorType,
        string errorCode,
        string? requestId,
        HttpStatusCode statusCode)
        : base(message, innerException: null, errorType, errorCode, requestId, statusCode)
    {
        ServiceId = serviceId;
        Operation = operation;
    }

    /// <summary>The service, e.g. <c>IAM</c>.</summary>
    public string ServiceId { get; }

    /// <summary>The operation that failed, e.g. <c>ListRoles</c>.</summary>
    public string Operation { get; }
}
