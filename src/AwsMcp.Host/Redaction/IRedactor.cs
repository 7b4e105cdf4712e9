using System.Text.Json;
using AwsMcp.Abstractions;

namespace AwsMcp.Host.Redaction;

/// <summary>
/// The host's seam to the shared <see cref="AwsMcp.Abstractions.Redaction.SecretRedactor"/>: audit records, tool
/// results and log messages go through the same rules.
/// </summary>
public interface IRedactor
{
    /// <summary>Renders tool arguments as compact JSON with secrets replaced.</summary>
    string RedactArguments(JsonElement arguments);

    /// <summary>The result with secrets replaced in its text and structured content.</summary>
    ToolResult RedactResult(ToolResult result);

    /// <summary>Free text (a log message, an error) with secrets replaced.</summary>
    string RedactText(string text);
}
