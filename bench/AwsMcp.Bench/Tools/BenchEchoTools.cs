using System.ComponentModel;
using AwsMcp.Abstractions;
using ModelContextProtocol.Server;

namespace AwsMcp.Bench.Tools;

/// <summary>What <c>echo</c> returns.</summary>
/// <param name="Echo">The text, possibly upper-cased.</param>
/// <param name="Server">Which way the tool was built.</param>
public sealed record BenchEchoResult(string Echo, string Server);

/// <summary>
/// One tool built both ways, for the side-by-side comparison: <c>[McpServerTool]</c> is what the MCP SDK binds by
/// reflection (<c>WithTools&lt;T&gt;()</c>), <c>[Tool]</c> is what our generator turns into a descriptor at build time.
/// </summary>
[McpServerToolType]
public sealed class BenchEchoTools
{
    /// <summary>Echoes the text back. Use to check the server works.</summary>
    /// <param name="text">The text to echo.</param>
    /// <param name="upper">Upper-case it.</param>
    [Tool("echo", ReadOnly = true, Idempotent = true, OpenWorld = false, Title = "Echo")]
    [McpServerTool(Name = "echo", Title = "Echo", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Echoes the text back. Use to check the server works.")]
    public static Task<BenchEchoResult> EchoAsync(
        [Description("The text to echo.")] string text, [Description("Upper-case it.")] bool upper = false) =>
        Task.FromResult(new BenchEchoResult(upper ? text.ToUpperInvariant() : text, "bench"));
}
