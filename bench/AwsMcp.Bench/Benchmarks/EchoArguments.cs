namespace AwsMcp.Bench.Benchmarks;

/// <summary>The arguments every per-call benchmark sends to <c>echo</c>.</summary>
internal static class EchoArguments
{
    public const string Tool = "echo";

    public static readonly IReadOnlyDictionary<string, object?> ForClient = new Dictionary<string, object?> { ["text"] = "benchmark", ["upper"] = true };

    public static readonly byte[] Utf8 = """{"text":"benchmark","upper":true}"""u8.ToArray();
}
