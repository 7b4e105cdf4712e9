namespace AwsMcp.Host.Plugins;

/// <summary>Why a plugin folder is not being served (or why its replacement was refused).</summary>
/// <param name="Name">The plugin folder name.</param>
/// <param name="Path">The plugin's main assembly path.</param>
/// <param name="Stage">The load stage that failed, e.g. <c>check-abstractions-version</c>.</param>
/// <param name="Reason">One line an operator can act on.</param>
/// <param name="Time">When it failed.</param>
public sealed record PluginFailure(string Name, string Path, string Stage, string Reason, DateTimeOffset Time);
