using Microsoft.AspNetCore.Http;

namespace AwsMcp.Sandbox.Core;

/// <summary>
/// A request after signature verification (or one of the operations AWS serves unsigned, <see cref="IUnsignedOperations"/>),
/// with its body read (aws-chunked bodies already decoded).
/// </summary>
public sealed class SandboxRequest
{
    public required HttpRequest Http { get; init; }

    /// <summary>The SigV4 scope's service name.</summary>
    public required string Service { get; init; }

    /// <summary>The SigV4 scope's region: the region the caller targeted; empty for an unsigned operation, which names none.</summary>
    public required string Region { get; init; }

    /// <summary>The verified caller: its account scopes the state the request sees. Anonymous for an unsigned operation.</summary>
    public required SandboxPrincipal Principal { get; init; }

    /// <summary>The decoded body.</summary>
    public required byte[] Body { get; init; }

    /// <summary>The unique request id the response carries (x-amzn-RequestId / x-amz-request-id / RequestId element).</summary>
    public required string RequestId { get; init; }

    /// <summary>Form fields of a query-protocol body (EC2, STS, IAM); empty otherwise.</summary>
    public required IReadOnlyDictionary<string, string> Form { get; init; }

    /// <summary>Trailing headers of an aws-chunked body (e.g. <c>x-amz-checksum-crc32</c>), names in lower case; empty otherwise.</summary>
    public IReadOnlyDictionary<string, string> Trailers { get; init; } = new Dictionary<string, string>();
}
