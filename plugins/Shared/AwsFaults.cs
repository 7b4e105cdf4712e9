using Amazon.Runtime;
using AwsMcp.Abstractions;

namespace AwsMcp.ToolPacks.Shared;

/// <summary>Reads the AWS error code behind a <see cref="ToolException"/> raised by <c>AwsCall</c>, for the answers a tool handles itself.</summary>
internal static class AwsFaults
{
    public static string? AwsErrorCode(this ToolException error) => (error.InnerException as AmazonServiceException)?.ErrorCode;
}
