namespace AwsMcp.Abstractions;

/// <summary>An argument that does not bind or is not acceptable; <see cref="Path"/> names it, e.g. <c>filters[2].name</c>.</summary>
public sealed class ToolArgumentException : ToolException
{
    public ToolArgumentException(string path, string message)
        : base($"Invalid argument '{path}': {message}")
    {
        Path = path;
        Reason = message;
    }

    /// <summary>The argument path: property names joined by dots, array indexes in brackets.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it, without the path.</summary>
    public string Reason { get; }
}
