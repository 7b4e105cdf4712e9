using System.CommandLine;
using System.Text;
using AwsMcp.Abstractions;
using AwsMcp.Host.ToolCalls;
using AwsMcp.Host.ToolCalls.Arguments;

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
        {
            var arguments = Encoding.UTF8.GetBytes(parseResult.GetValue(args)!);
            if (StrictJson.FindProblem(arguments) is { Reason: var reason } && reason.StartsWith(StrictJson.NotJson, StringComparison.Ordinal))
            {
                // Not a call at all: a mistyped command line.
                parseResult.InvocationConfiguration.Error.WriteLine($"--args {reason}");
                return Task.FromResult(ExitCodes.InvalidConfiguration);
            }

            return CommandHost.RunAsync(
                parseResult,
                common,
                async (services, output, ct) =>
                {
                    // Parsed by the call itself, with the same checks as every channel (duplicates and the like are refused and audited).
                    using var call = services.GetRequiredService<ToolCallFactory>().Create(
                        parseResult.GetValue(tool)!, arguments, CallerIdentity.Local, ToolCallChannel.CommandLine, ct);
                    var result = await services.GetRequiredService<ToolCallPipeline>().InvokeAsync(call);
                    (result.IsError ? parseResult.InvocationConfiguration.Error : output).WriteLine(result.Text);
                    return result.IsError ? ExitCodes.ToolError : ExitCodes.Success;
                },
                cancellationToken);
        });
        return command;
    }
}
