using System.Text.Json;

namespace AwsMcp.Abstractions;

/// <summary>
/// A generated, reflection-free call of one tool method: binds <paramref name="arguments"/> (a JSON object) to the
/// method's parameters and converts its return value. Binding failures throw <see cref="ToolArgumentException"/>.
/// </summary>
public delegate ValueTask<ToolResult> ToolInvoker(JsonElement arguments, ToolContext context, CancellationToken cancellationToken);
