using System.CommandLine;
using AwsMcp.Abstractions;
using AwsMcp.Host.Cli.Output;
using AwsMcp.Host.ToolCalls.Authorization;
using AwsMcp.Host.Tools;

namespace AwsMcp.Host.Cli;

/// <summary>
/// <c>awsmcp tools list</c>: every tool the plugins provide here (with its plugin, toolset, hints and whether it is
/// served), or the tools a running server serves to this caller (<c>--url</c>).
/// </summary>
public static class ToolsCommand
{
    public static Command Create(CommonOptions common)
    {
        var list = new Command("list", "List the tools of the loaded plugins, or of a running server with --url.")
        {
            common.Sandbox, common.Url, common.ApiKey, common.Output, common.Plugins,
        };
        list.SetAction((parseResult, cancellationToken) =>
        {
            var format = ResultPrinter.Resolve(parseResult.GetValue(common.Output), parseResult.InvocationConfiguration.Output, OutputFormat.Table);
            return parseResult.GetValue(common.Url) is { } url
                ? ListRemoteAsync(parseResult, url, parseResult.GetValue(common.ApiKey), format, cancellationToken)
                : CommandHost.RunAsync(parseResult, common, (services, output, _) => Task.FromResult(ListLocal(services, output, format)), cancellationToken);
        });
        return new Command("tools", "Inspect tools.") { list };
    }

    private static int ListLocal(IServiceProvider services, TextWriter output, OutputFormat format)
    {
        var policy = services.GetRequiredService<ToolPolicy>();
        var rows = services.GetRequiredService<ToolRegistry>().Tools.Select(tool =>
        {
            var decision = policy.Evaluate(tool, CallerIdentity.Local);
            return (IReadOnlyList<string>)[tool.Name, tool.PluginName, tool.Toolset, Hints(tool.Descriptor.Annotations), decision.Allowed ? "served" : $"hidden ({decision.Rule})"];
        });
        ResultPrinter.WriteRows(output, ["TOOL", "PLUGIN", "TOOLSET", "HINTS", "STATUS"], rows, format);
        return ExitCodes.Success;
    }

    private static Task<int> ListRemoteAsync(ParseResult parseResult, Uri url, string? apiKey, OutputFormat format, CancellationToken cancellationToken) =>
        RemoteServer.RunAsync(
            parseResult,
            url,
            apiKey,
            async client =>
            {
                var tools = await client.ListToolsAsync(cancellationToken: cancellationToken);
                var rows = tools.Select(tool => (IReadOnlyList<string>)[tool.Name, Hints(tool.ProtocolTool.Annotations), tool.Description ?? string.Empty]);
                ResultPrinter.WriteRows(parseResult.InvocationConfiguration.Output, ["TOOL", "HINTS", "DESCRIPTION"], rows, format);
                return ExitCodes.Success;
            },
            cancellationToken);

    private static string Hints(ToolAnnotations annotations) =>
        Hints(annotations.ReadOnly, annotations.Destructive, annotations.Idempotent, annotations.OpenWorld);

    // MCP's defaults for absent hints: not read-only, destructive, not idempotent, open world.
    private static string Hints(ModelContextProtocol.Protocol.ToolAnnotations? annotations) =>
        Hints(annotations?.ReadOnlyHint ?? false, annotations?.DestructiveHint ?? true, annotations?.IdempotentHint ?? false, annotations?.OpenWorldHint ?? true);

    private static string Hints(bool readOnly, bool destructive, bool idempotent, bool openWorld) => string.Join(
        ",",
        new[]
        {
            readOnly ? "read-only" : "write",
            destructive && !readOnly ? "destructive" : null,
            idempotent ? "idempotent" : null,
            openWorld ? "open-world" : null,
        }.OfType<string>());
}
