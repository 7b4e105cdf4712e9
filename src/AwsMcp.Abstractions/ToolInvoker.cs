using System.Text.Json;

namespace AwsMcp.Abstractions;

/// <summary>
/// A hand-built tool's call: <paramref name="arguments"/> (a JSON object, already checked against the descriptor's
/// input schema by the host) in, a result out. Argument problems it finds itself throw <see cref="ToolArgumentException"/>.
/// Generated tools use a <see cref="ToolBinder"/> instead.
/// </summary>
public delegate ValueTask<ToolResult> ToolInvoker(JsonElement arguments, ToolContext context, CancellationToken cancellationToken);
