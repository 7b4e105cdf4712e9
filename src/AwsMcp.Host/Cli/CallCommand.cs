using System.CommandLine;
using System.Text;
using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Host.Cli.Output;
using AwsMcp.Host.ToolCalls;
using AwsMcp.Host.ToolCalls.Arguments;

namespace AwsMcp.Host.Cli;

/// <summary>
/// <c>awsmcp call &lt;tool&gt; --args '{json}'</c>: one tool call, through the same pipeline as MCP with the plugins
/// loaded here (<c>--sandbox</c> for the built-in emulator), or to a running server (<c>--url</c>).
/// </summary>
public static class CallCommand
{
    public static Command Create(CommonOptions common)
    {
        var tool = new Argument<string>("tool") { Description = "The tool name (awsmcp tools list)." };
        var args = new Option<string>("--args") { Description = "The arguments as a JSON object, e.g. '{\"region\":\"eu-west-1\"}'.", DefaultValueFactory = _ => "{}" };
        var command = new Command("call", "Call a tool and print its result; exits 1 when the result is an error.")
        {
            tool, args, common.Sandbox, common.Url, common.ApiKey, common.Output, common.Plugins,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var arguments = Encoding.UTF8.GetBytes(parseResult.GetValue(args)!);
            if (StrictJson.FindProblem(arguments) is { Reason: var reason } && reason.StartsWith(StrictJson.NotJson, StringComparison.Ordinal))
            {
                // Not a call at all: a mistyped command line.
                parseResult.InvocationConfiguration.Error.WriteLine($"--args {reason}");
                return Task.FromResult(ExitCodes.InvalidConfiguration);
            }

            var name = parseResult.GetValue(tool)!;
            var format = ResultPrinter.Resolve(parseResult.GetValue(common.Output), parseResult.InvocationConfiguration.Output, OutputFormat.Pretty);
            if (parseResult.GetValue(common.Url) is { } url)
            {
                return CallRemoteAsync(parseResult, url, parseResult.GetValue(common.ApiKey), name, arguments, format, cancellationToken);
            }

            return CommandHost.RunAsync(
                parseResult,
                common,
                async (services, output, ct) =>
                {
                    // Parsed by the call itself, with the same checks as every channel (duplicates and the like are refused and audited).
                    using var call = services.GetRequiredService<ToolCallFactory>().Create(name, arguments, CallerIdentity.Local, ToolCallChannel.CommandLine, ct);
                    var result = await services.GetRequiredService<ToolCallPipeline>().InvokeAsync(call);
                    return Print(parseResult, result.Text, result.IsError, format);
                },
                cancellationToken);
        });
        return command;
    }

    private static Task<int> CallRemoteAsync(
        ParseResult parseResult, Uri url, string? apiKey, string name, byte[] arguments, OutputFormat format, CancellationToken cancellationToken) =>
        RemoteServer.RunAsync(
            parseResult,
            url,
            apiKey,
            async client =>
            {
                using var document = JsonDocument.Parse(arguments);
                var result = await client.CallToolAsync(name, RemoteServer.Arguments(document.RootElement), cancellationToken: cancellationToken);
                var (text, isError) = RemoteServer.Read(result);
                return Print(parseResult, text, isError, format);
            },
            cancellationToken);

    private static int Print(ParseResult parseResult, string text, bool isError, OutputFormat format)
    {
        if (isError)
        {
            // An error is a sentence for whoever typed the command (it names the field or the fix), on stderr.
            parseResult.InvocationConfiguration.Error.WriteLine(text);
            return ExitCodes.ToolError;
        }

        ResultPrinter.WriteToolResult(parseResult.InvocationConfiguration.Output, text, format);
        return ExitCodes.Success;
    }
}
