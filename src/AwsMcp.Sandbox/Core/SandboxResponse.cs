namespace AwsMcp.Sandbox.Core;

/// <summary>A response to write: status, content type, headers and body.</summary>
public sealed record SandboxResponse(int StatusCode, string? ContentType, byte[] Body)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
