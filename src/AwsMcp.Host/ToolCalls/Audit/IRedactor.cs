using System.Text.Json;

namespace AwsMcp.Host.ToolCalls.Audit;

/// <summary>The one place that decides what must not be written down; audit and logs use it.</summary>
public interface IRedactor
{
    /// <summary>Renders tool arguments as compact JSON with secrets replaced.</summary>
    string RedactArguments(JsonElement arguments);
}
