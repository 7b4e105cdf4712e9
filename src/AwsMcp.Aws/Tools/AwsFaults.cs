using Amazon.Runtime;
using AwsMcp.Abstractions;

namespace AwsMcp.Aws.Tools;

/// <summary>
/// Reads the AWS error code behind a <see cref="ToolException"/> raised by <see cref="AwsCall"/>, for the answers a
/// tool handles itself (a missing resource, a dry run that would have succeeded) instead of reporting them.
/// </summary>
public static class AwsFaults
{
    public static string? AwsErrorCode(this ToolException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return (error.InnerException as AmazonServiceException)?.ErrorCode;
    }
}
