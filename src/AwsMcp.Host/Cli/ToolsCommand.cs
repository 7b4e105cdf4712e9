using System.CommandLine;
using AwsMcp.Abstractions;
using AwsMcp.Host.ToolCalls.Authorization;
using AwsMcp.Host.Tools;

namespace AwsMcp.Host.Cli;

/// <summary><c>awsmcp tools list</c>: every tool the plugins provide, with its plugin, hints and whether it is served.</summary>
public static class ToolsCommand
{
    public static Command Create(CommonOptions common) =>
        CommandHost.ListGroup("tools", "Inspect tools.", "List the tools of the loaded plugins.", common, List);

    private static Task<int> List(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var policy = services.GetRequiredService<ToolPolicy>();
        var rows = services.GetRequiredService<ToolRegistry>().All.Select(tool =>
        {
            var decision = policy.Evaluate(tool, CallerIdentity.Local);
            return (IReadOnlyList<string>)[tool.Name, tool.PluginName, Hints(tool.Descriptor.Annotations), decision.Allowed ? "served" : $"hidden ({decision.Rule})"];
        });
        TextTable.Write(output, ["TOOL", "PLUGIN", "HINTS", "STATUS"], rows);
        return Task.FromResult(ExitCodes.Success);
    }

    private static string Hints(ToolAnnotations annotations) => string.Join(
        ",",
        new[]
        {
            annotations.ReadOnly ? "read-only" : "write",
            annotations.Destructive ? "destructive" : null,
            annotations.Idempotent ? "idempotent" : null,
            annotations.OpenWorld ? "open-world" : null,
        }.OfType<string>());
}
