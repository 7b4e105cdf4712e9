namespace AwsMcp.Host.Configuration;

/// <summary>The configuration keys of the server. Environment variables use <c>__</c>: <c>AWSMCP__Tools__WritesEnabled=true</c>.</summary>
public static class ConfigurationSections
{
    public const string Plugins = "AwsMcp:Plugins";
    public const string PluginSettings = "AwsMcp:Plugins:Settings";
    public const string Tools = "AwsMcp:Tools";
    public const string Mcp = "AwsMcp:Mcp";
    public const string Aws = "AwsMcp:Aws";
    public const string Http = "AwsMcp:Http";
    public const string Security = "AwsMcp:Security";
    public const string Policy = "AwsMcp:Policy";
    public const string FanOut = "AwsMcp:FanOut";
    public const string Audit = "AwsMcp:Audit";
    public const string SharedState = "AwsMcp:SharedState";
    public const string Telemetry = "AwsMcp:Telemetry";
    public const string Logging = "AwsMcp:Logging";
}
