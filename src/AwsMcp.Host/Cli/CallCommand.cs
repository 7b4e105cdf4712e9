using System.CommandLine;
using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Host.ToolCalls;

namespace AwsMcp.Host.Cli;

/// <summary><c>awsmcp call &lt;tool&gt; --args '{json}'</c>: one tool call through the same pipeline as MCP, for operators.</summary>
public static class CallCommand
{
    public static Command Create(CommonOptions common)
    {
        var tool = new Argument<string>("tool") { Description = "The tool name." };
        var args = new Option<string>("--args") { Description = "The arguments as a JSON object.", DefaultValueFactory = _ => "{}" };
        var command = new Command("call", "Call a tool and print its result; exits 1 when the result is an error.") { tool, args };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult, common, parseResult.GetValue(tool)!, parseResult.GetValue(args)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CommonOptions common, string toolName, string json, CancellationToken cancellationToken)
    {
        var error = parseResult.InvocationConfiguration.Error;
        JsonElement arguments;
        try
        {
            using var document = JsonDocument.Parse(json);
            arguments = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            error.WriteLine($"--args is not valid JSON: {ex.Message}");
            return ExitCodes.InvalidConfiguration;
        }

        return await CommandHost.RunAsync(
            parseResult,
            common,
            async (services, output, ct) =>
            {
                var pipeline = services.GetRequiredService<ToolCallPipeline>();
                var result = await pipeline.InvokeAsync(new ToolCallRequest(toolName, arguments, CallerIdentity.Local, ToolCallChannel.CommandLine), ct);
                var text = result.Text.Length > 0 || result.Structured is null ? result.Text : result.Structured.Value.GetRawText();
                (result.IsError ? error : output).WriteLine(text);
                return result.IsError ? ExitCodes.ToolError : ExitCodes.Success;
            },
            cancellationToken);
    }
}
