using System.Text.Json;

namespace AwsMcp.Aws.Protocol;

/// <summary>A successful restJson1 answer.</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="Headers">Response headers (case-insensitive names; repeated values joined with ',').</param>
/// <param name="Body">Raw body (restJson operations such as Lambda Invoke return non-JSON payloads).</param>
public sealed record AwsRestResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>Parses the body as JSON; an empty body reads as <c>{}</c>. The caller disposes the document.</summary>
    public JsonDocument Json() => JsonDocument.Parse(Body.Length == 0 ? "{}"u8.ToArray() : Body);
}
