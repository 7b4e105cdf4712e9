using System.Reflection;

namespace AwsMcp.Host.Plugins;

/// <summary>Turns what went wrong while loading a plugin into one line an operator can act on.</summary>
public static class LoadFailureExplainer
{
    public static string Explain(Exception exception) => exception switch
    {
        PluginLoadException ex => ex.Message,
        BadImageFormatException ex => $"not a valid .NET assembly (corrupt, truncated, native or wrong architecture): {ex.Message}",
        FileNotFoundException ex => $"missing dependency {ex.FileName ?? ex.Message}: ship it in the plugin folder (the plugin's dotnet publish output)",
        FileLoadException ex => $"dependency {ex.FileName} could not be loaded: {ex.Message}",
        TypeLoadException ex => $"type load failed; was the plugin built against an incompatible AwsMcp.Abstractions? {ex.Message}",
        MissingMethodException ex => $"ABI mismatch with this host: {ex.Message}",
        TargetInvocationException { InnerException: { } inner } => $"{inner.GetType().Name}: {inner.Message}",
        TypeInitializationException { InnerException: { } inner } ex => $"static constructor of {ex.TypeName} threw {inner.GetType().Name}: {inner.Message}",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };
}
