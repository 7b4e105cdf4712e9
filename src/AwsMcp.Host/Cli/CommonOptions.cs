using System.CommandLine;
using AwsMcp.Host.Cli.Output;
using AwsMcp.Host.Configuration;

namespace AwsMcp.Host.Cli;

/// <summary>Options several commands understand, each added only to the commands that use it, and how they become configuration overrides.</summary>
public sealed class CommonOptions
{
    public Option<string?> Plugins { get; } = new("--plugins")
    {
        Description = "The plugins folder (<folder>/<Name>/<Name>.dll); default: 'plugins' next to the awsmcp binary, or AwsMcp:Plugins:Path.",
    };

    public Option<bool> Sandbox { get; } = new("--sandbox")
    {
        Description = "Start the built-in AWS emulator on 127.0.0.1 and point every AWS call at it (no AWS account needed).",
    };

    public Option<Uri?> Url { get; } = new("--url")
    {
        Description = "Ask a running server instead of loading the plugins here, e.g. http://127.0.0.1:5000/mcp.",
        CustomParser = result => Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : Fail(result, $"--url '{result.Tokens.Single().Value}' is not an http(s) URL such as http://127.0.0.1:5000/mcp."),
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = "The API key for --url (sent as X-Api-Key); default: the AWSMCP_API_KEY environment variable.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AWSMCP_API_KEY"),
    };

    public Option<OutputFormat> Output { get; } = new("--output", "-o")
    {
        Description = "auto (a table or indented JSON on a terminal, compact JSON when piped), table, pretty or json.",
        DefaultValueFactory = _ => OutputFormat.Auto,
    };

    /// <summary>The configuration keys set by the common options; command-line values win over every other source.</summary>
    public Dictionary<string, string?> Overrides(ParseResult parseResult)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (parseResult.GetValue(Plugins) is { } plugins)
        {
            // Relative to where the operator typed the command, not to the binary.
            overrides[$"{ConfigurationSections.Plugins}:{nameof(PluginOptions.Path)}"] = Path.GetFullPath(plugins);
        }

        return overrides;
    }

    /// <summary>Whether <c>--sandbox</c> was given to a command that takes it.</summary>
    public bool WantsSandbox(ParseResult parseResult) =>
        parseResult.CommandResult.Command.Options.Contains(Sandbox) && parseResult.GetValue(Sandbox);

    private static Uri? Fail(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return null;
    }
}
