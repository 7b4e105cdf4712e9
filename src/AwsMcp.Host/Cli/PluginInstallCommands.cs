using System.CommandLine;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Hosting;
using AwsMcp.Host.Plugins.Install;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Cli;

/// <summary>
/// <c>awsmcp plugins install &lt;file.nupkg|folder&gt;</c> and <c>awsmcp plugins remove &lt;name&gt;</c>. They change the
/// plugins folder only; a running server picks the change up. No plugin is loaded, so no plugin code runs here.
/// </summary>
public static class PluginInstallCommands
{
    public static Command Install(CommonOptions common)
    {
        var source = new Argument<string>("source") { Description = "A tool-pack .nupkg (package type AwsMcpToolPack) or a plugin folder <Name>/ holding <Name>.dll." };
        var by = new Option<string>("--by") { Description = "Who installs, for the receipt.", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command("install", "Validate a tool pack and install or replace it in the plugins folder (atomically), with a receipt.") { source, by, common.Plugins };
        command.SetAction(parseResult => Run(parseResult, common, (installer, output) =>
        {
            var receipt = installer.Install(parseResult.GetValue(source)!, parseResult.GetValue(by)!);
            output.WriteLine($"Installed {receipt.Id} {receipt.Version} as plugin '{receipt.Plugin}' into {installer.PluginsPath}");
            output.WriteLine($"  sha256 {receipt.Sha256}, built against AwsMcp.Abstractions {receipt.AbstractionsVersion}");
        }));
        return command;
    }

    public static Command Remove(CommonOptions common)
    {
        var name = new Argument<string>("name") { Description = "The plugin folder name (as in 'plugins list')." };
        var command = new Command("remove", "Remove a plugin from the plugins folder.") { name, common.Plugins };
        command.SetAction(parseResult => Run(parseResult, common, (installer, output) =>
        {
            var receipt = installer.Remove(parseResult.GetValue(name)!);
            output.WriteLine(receipt is null
                ? $"Removed plugin '{parseResult.GetValue(name)}' from {installer.PluginsPath}"
                : $"Removed plugin '{receipt.Plugin}' ({receipt.Id} {receipt.Version}, installed {receipt.InstalledAt:u} by {receipt.InstalledBy}) from {installer.PluginsPath}");
        }));
        return command;
    }

    private static int Run(ParseResult parseResult, CommonOptions common, Action<ToolPackInstaller, TextWriter> change)
    {
        // The host is built for its configuration (same sources and precedence as `serve`) but never started.
        using var host = HostFactory.CreateCommand(common.Overrides(parseResult));
        ToolPackInstaller installer;
        try
        {
            var plugins = host.Services.GetRequiredService<IOptions<PluginOptions>>().Value;
            installer = new ToolPackInstaller(plugins.FullPath, TrustedPackages.From(host.Services.GetRequiredService<IConfiguration>()));
        }
        catch (OptionsValidationException ex)
        {
            return CommandHost.ConfigurationError(parseResult, ex);
        }

        try
        {
            change(installer, parseResult.InvocationConfiguration.Output);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is ToolPackInstallException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            parseResult.InvocationConfiguration.Error.WriteLine($"Refused: {ex.Message}");
            return ExitCodes.InstallRefused;
        }
    }
}
