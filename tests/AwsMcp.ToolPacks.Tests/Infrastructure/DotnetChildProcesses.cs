namespace AwsMcp.ToolPacks.Tests.Infrastructure;

/// <summary>
/// Tests that run `dotnet` builds as child processes run one after another: they share the local feed and its packages
/// folder, and parallel builds on a small machine are slower than serial ones.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DotnetChildProcesses
{
    public const string Name = "dotnet child processes";
}
