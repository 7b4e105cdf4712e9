using System.Text.Json;
using AwsMcp.Abstractions;

namespace ConformancePack;

/// <summary>The suite's tools that use the way back to the client: log messages, progress, sampling, elicitation.</summary>
[Toolset("conformance")]
public static class ClientChannelTools
{
    /// <summary>Sends three log messages to the client while it runs.</summary>
    [Tool("test_tool_with_logging", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    public static async Task<string> LoggingAsync(ToolContext context, CancellationToken cancellationToken)
    {
        foreach (var step in new[] { "Tool execution started", "Tool processing data", "Tool execution completed" })
        {
            await context.Client.LogAsync(ClientLogLevel.Info, step, cancellationToken);
            await Task.Delay(50, cancellationToken);
        }

        return "Logging test completed.";
    }

    /// <summary>Reports progress three times (0, 50 and 100 of 100) while it runs.</summary>
    [Tool("test_tool_with_progress", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    public static async Task<string> ProgressAsync(ToolContext context, CancellationToken cancellationToken)
    {
        foreach (var progress in new[] { 0, 50, 100 })
        {
            await context.Client.ReportProgressAsync(progress, 100, $"step {progress / 50 + 1} of 3", cancellationToken);
            await Task.Delay(50, cancellationToken);
        }

        return context.Client.ReportsProgress ? "Progress test completed." : "Progress test completed (no progress was asked for).";
    }

    /// <summary>Asks the client's model to answer the prompt.</summary>
    /// <param name="prompt">What to ask the model.</param>
    [Tool("test_sampling", ReadOnly = true, Idempotent = false, OpenWorld = false)]
    public static async Task<string> SamplingAsync(ToolContext context, string prompt, CancellationToken cancellationToken)
    {
        var answer = await context.Client.SampleAsync(new SamplingRequest(prompt, MaxTokens: 100), cancellationToken)
            ?? throw new ToolException("This client cannot be asked to sample (it did not declare sampling, or the exchange has no session).");
        return $"LLM response: {answer.Text}";
    }

    /// <summary>Asks the user for a user name and an email address.</summary>
    /// <param name="message">The question to show the user.</param>
    [Tool("test_elicitation", ReadOnly = true, Idempotent = false, OpenWorld = false)]
    public static Task<string> ElicitationAsync(ToolContext context, string message, CancellationToken cancellationToken) => AskAsync(
        context,
        message,
        """{"type":"object","properties":{"username":{"type":"string","description":"User's response"},"email":{"type":"string","description":"User's email address"}},"required":["username","email"]}""",
        cancellationToken);

    /// <summary>Asks the user a form whose every field has a default (SEP-1034).</summary>
    [Tool("test_elicitation_sep1034_defaults", ReadOnly = true, Idempotent = false, OpenWorld = false)]
    public static Task<string> DefaultsAsync(ToolContext context, CancellationToken cancellationToken) => AskAsync(
        context,
        "Please review and update the form fields with defaults",
        """
        {"type":"object","required":[],"properties":{
          "name":{"type":"string","description":"User name","default":"John Doe"},
          "age":{"type":"integer","description":"User age","default":30},
          "score":{"type":"number","description":"User score","default":95.5},
          "status":{"type":"string","description":"User status","enum":["active","inactive","pending"],"default":"active"},
          "verified":{"type":"boolean","description":"Verification status","default":true}}}
        """,
        cancellationToken);

    /// <summary>Asks the user a form with every kind of enum (SEP-1330).</summary>
    [Tool("test_elicitation_sep1330_enums", ReadOnly = true, Idempotent = false, OpenWorld = false)]
    public static Task<string> EnumsAsync(ToolContext context, CancellationToken cancellationToken) => AskAsync(
        context,
        "Please select options from the enum fields",
        """
        {"type":"object","required":[],"properties":{
          "untitledSingle":{"type":"string","description":"Select one option","enum":["option1","option2","option3"]},
          "titledSingle":{"type":"string","description":"Select one option with titles","oneOf":[
            {"const":"value1","title":"First Option"},{"const":"value2","title":"Second Option"},{"const":"value3","title":"Third Option"}]},
          "legacyEnum":{"type":"string","description":"Select one option (legacy)","enum":["opt1","opt2","opt3"],"enumNames":["Option One","Option Two","Option Three"]},
          "untitledMulti":{"type":"array","description":"Select multiple options","minItems":1,"maxItems":3,"items":{"type":"string","enum":["option1","option2","option3"]}},
          "titledMulti":{"type":"array","description":"Select multiple options with titles","minItems":1,"maxItems":3,"items":{"anyOf":[
            {"const":"value1","title":"First Choice"},{"const":"value2","title":"Second Choice"},{"const":"value3","title":"Third Choice"}]}}}}
        """,
        cancellationToken);

    private static async Task<string> AskAsync(ToolContext context, string message, string schema, CancellationToken cancellationToken)
    {
        using var form = JsonDocument.Parse(schema);
        var answer = await context.Client.ElicitAsync(new ElicitationRequest(message, form.RootElement.Clone()), cancellationToken);
        return answer.Action == ElicitationAction.Unavailable
            ? throw new ToolException("This client cannot be asked (it did not declare elicitation, or the exchange has no session).")
            : $"Elicitation completed: action={answer.Action.ToString().ToLowerInvariant()}, content={answer.Content?.GetRawText() ?? "{}"}";
    }
}
