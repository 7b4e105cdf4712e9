using System.CommandLine;
using AwsMcp.Host.Cli.Output;
using AwsMcp.Host.Plugins;

namespace AwsMcp.Host.Cli;

/// <summary>
/// <c>awsmcp plugins list</c>: loaded plugins with their tools, failed plugins with the stage and reason;
/// <c>plugins install</c> and <c>plugins remove</c> (<see cref="PluginInstallCommands"/>).
/// </summary>
public static class PluginsCommand
{
    public static Command Create(CommonOptions common)
    {
        var plugins = CommandHost.ListGroup("plugins", "Inspect, install and remove plugins.", "List loaded and failed plugins.", common, List);
        plugins.Subcommands.Add(PluginInstallCommands.Install(common));
        plugins.Subcommands.Add(PluginInstallCommands.Remove(common));
        return plugins;
    }

    private static Task<int> List(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<PluginCatalog>();
        output.WriteLine($"Plugins folder: {catalog.PluginsPath}");
        var loaded = catalog.Loaded.Select(p => (IReadOnlyList<string>)[p.Name, "loaded", string.Join(", ", p.Tools.Select(t => t.Name))]);
        var failed = catalog.Failures.Select(f => (IReadOnlyList<string>)[f.Name, "failed", $"{f.Stage}: {f.Reason}"]);
        TextTable.Write(output, ["PLUGIN", "STATUS", "TOOLS / REASON"], loaded.Concat(failed).OrderBy(row => row[0], StringComparer.Ordinal));
        return Task.FromResult(ExitCodes.Success);
    }
}
