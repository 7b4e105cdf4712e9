namespace AwsMcp.Aws.Tests.Support;

internal static class Settings
{
    /// <summary>Host-style flattened settings with case-insensitive keys.</summary>
    public static IReadOnlyDictionary<string, string?> Of(params (string Key, string? Value)[] pairs) =>
        pairs.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
}
