using System.Globalization;
using System.Text.Json;
using AwsMcp.Abstractions.Redaction;
using AwsMcp.Aws.Protocol;

namespace AwsMcp.Compute.Lambda;

/// <summary>
/// Projects Lambda's FunctionConfiguration JSON to tool records. Environment values are replaced wholesale: they are
/// where functions keep passwords and keys, and no pattern can tell which of them are secret.
/// </summary>
internal static class LambdaConfiguration
{
    public static LambdaFunction ToRecord(JsonElement configuration, bool detail, IReadOnlyDictionary<string, string>? tags = null) => new(
        AwsJson.String(configuration, "FunctionName") ?? string.Empty,
        AwsJson.String(configuration, "Runtime"),
        Int(configuration, "MemorySize"),
        Int(configuration, "Timeout"),
        Timestamp(AwsJson.String(configuration, "LastModified")),
        detail ? Details(configuration, tags) : null);

    private static LambdaFunctionDetails Details(JsonElement configuration, IReadOnlyDictionary<string, string>? tags) => new(
        AwsJson.String(configuration, "FunctionArn"),
        AwsJson.String(configuration, "Description"),
        AwsJson.String(configuration, "Handler"),
        AwsJson.String(configuration, "Role"),
        configuration.TryGetProperty("CodeSize", out var size) && size.TryGetInt64(out var bytes) ? bytes : null,
        AwsJson.String(configuration, "PackageType"),
        configuration.TryGetProperty("Architectures", out var architectures) && architectures.ValueKind == JsonValueKind.Array
            ? [.. architectures.EnumerateArray().Select(item => item.GetString() ?? string.Empty)]
            : [],
        AwsJson.String(configuration, "State"),
        AwsJson.String(configuration, "LastUpdateStatus"),
        configuration.TryGetProperty("LoggingConfig", out var logging) ? AwsJson.String(logging, "LogGroup") : null,
        EnvironmentNames(configuration),
        tags);

    private static Dictionary<string, string> EnvironmentNames(JsonElement configuration) =>
        configuration.TryGetProperty("Environment", out var environment)
        && environment.TryGetProperty("Variables", out var variables)
        && variables.ValueKind == JsonValueKind.Object
            ? variables.EnumerateObject().ToDictionary(variable => variable.Name, _ => SecretRedactor.Mask, StringComparer.Ordinal)
            : [];

    /// <summary>Lambda writes <c>2026-11-22T09:21:03.000+0000</c>: an offset without a colon, which .NET does not parse as is.</summary>
    private static DateTimeOffset? Timestamp(string? text)
    {
        if (text is { Length: > 5 } && (text[^5] is '+' or '-') && text[^4..].All(char.IsAsciiDigit))
        {
            text = text[..^2] + ":" + text[^2..];
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.ToUniversalTime() : null;
    }

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : null;
}
