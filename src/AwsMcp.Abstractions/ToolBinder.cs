using System.Text.Json;

namespace AwsMcp.Abstractions;

/// <summary>
/// A generated, reflection-free binder: checks <paramref name="arguments"/> (a JSON object, or null/undefined for
/// none) against every constraint the tool's input schema advertises and binds them. It is the validator: a
/// <see cref="ToolArgumentException"/> lists every problem at once, each with its path.
/// </summary>
public delegate BoundToolCall ToolBinder(JsonElement arguments);
