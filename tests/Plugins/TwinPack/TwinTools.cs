using AwsMcp.Abstractions;

namespace TwinPack;

/// <summary>Tools whose names clash with the Echo pack.</summary>
public static class TwinTools
{
    /// <summary>Another echo.</summary>
    /// <param name="text">The text.</param>
    [Tool(ReadOnly = true)]
    public static Task<string> EchoAsync(string text) => Task.FromResult(text);

    /// <summary>A tool only this plugin has.</summary>
    [Tool(ReadOnly = true)]
    public static Task<string> TwinOnlyAsync() => Task.FromResult("twin");
}
