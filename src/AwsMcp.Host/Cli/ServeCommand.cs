using System.CommandLine;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Hosting;
using AwsMcp.Host.Hosting.Startup;
using AwsMcp.Host.Sandbox;
using AwsMcp.Host.ToolCalls.Audit.JsonLines;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Cli;

/// <summary><c>awsmcp serve</c>: runs the MCP server over Streamable HTTP (default) or stdio.</summary>
public static class ServeCommand
{
    public static Command Create(CommonOptions common)
    {
        var transport = new Option<string>("--transport")
        {
            Description = "http (Streamable HTTP at /mcp) or stdio (for desktop clients that start the server).",
            DefaultValueFactory = _ => "http",
        };
        transport.AcceptOnlyFromAmong("http", "stdio");
        var urls = new Option<string?>("--urls")
        {
            Description = $"Listen URLs, ';'-separated (default {HttpOptions.DefaultUrls}). Non-loopback needs authentication (AwsMcp:Security) or --insecure.",
        };
        var insecure = new Option<bool>("--insecure") { Description = "Allow listening on a non-loopback address although no authentication is configured." };

        var command = new Command("serve", "Serve the plugins' tools over MCP.") { transport, urls, common.Sandbox, insecure, common.Plugins };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var overrides = common.Overrides(parseResult);
            if (parseResult.GetValue(urls) is { } listen)
            {
                overrides[$"{ConfigurationSections.Http}:{nameof(HttpOptions.Urls)}"] = listen;
            }

            if (parseResult.GetValue(insecure))
            {
                overrides[$"{ConfigurationSections.Http}:{nameof(HttpOptions.AllowNonLoopback)}"] = "true";
            }

            return RunAsync(parseResult, overrides, parseResult.GetValue(transport) == "stdio", parseResult.GetValue(common.Sandbox), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parseResult, Dictionary<string, string?> overrides, bool stdio, bool withSandbox, CancellationToken cancellationToken)
    {
        SandboxEnvironment? sandbox = null;
        try
        {
            if (withSandbox)
            {
                // Before the host is built: plugins resolve AWS_* from the environment.
                using var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
                sandbox = await SandboxEnvironment.StartAsync(loggerFactory, cancellationToken);
                overrides[StartupBanner.SandboxEndpointKey] = sandbox.Endpoint.ToString();
            }

            using IHost host = stdio ? HostFactory.CreateStdio(overrides) : HostFactory.CreateHttp(overrides);
            var guard = stdio ? null : host.Services.GetRequiredService<Security.BoundAddressGuard>();
            await host.RunAsync(cancellationToken);

            // Stopped by the bound-address check: a configuration error, like an exposed --urls.
            return guard?.Refused.Count > 0 ? ExitCodes.InvalidConfiguration : ExitCodes.Success;
        }
        catch (OptionsValidationException ex)
        {
            return CommandHost.ConfigurationError(parseResult, ex);
        }
        catch (AuditReplicaInUseException ex)
        {
            // Two processes were given one replica id: a deployment error, reported like invalid configuration.
            parseResult.InvocationConfiguration.Error.WriteLine(ex.Message);
            return ExitCodes.InvalidConfiguration;
        }
        finally
        {
            if (sandbox is not null)
            {
                await sandbox.DisposeAsync();
            }
        }
    }
}
