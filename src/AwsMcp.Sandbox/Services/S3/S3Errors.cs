using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Services.S3;

/// <summary>The S3 errors with their real codes, statuses and messages.</summary>
internal static class S3Errors
{
    public static SandboxServiceException NoSuchBucket() => new(404, "NoSuchBucket", "The specified bucket does not exist");

    public static SandboxServiceException NoSuchKey() => new(404, "NoSuchKey", "The specified key does not exist.");

    public static SandboxServiceException AccessDenied() => new(403, "AccessDenied", "Access Denied");

    public static SandboxServiceException MalformedXml() =>
        new(400, "MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema");

    public static SandboxServiceException InvalidArgument(string message) => new(400, "InvalidArgument", message);

    public static SandboxServiceException NotFound(string code, string message) => new(404, code, message);
}
