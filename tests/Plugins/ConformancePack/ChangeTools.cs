using AwsMcp.Abstractions;

namespace ConformancePack;

/// <summary>A destructive tool that changes nothing real: what the host's confirmation (token or elicitation) guards.</summary>
[Toolset("conformance")]
public static class ChangeTools
{
    /// <summary>Pretends to delete the named thing, irreversibly. Use only in tests.</summary>
    /// <param name="target">The name of the thing to delete.</param>
    [Tool("test_destructive_change", Destructive = true)]
    public static Task<string> DeleteAsync([TargetResource] string target) => Task.FromResult($"Deleted {target} (nothing real was changed).");
}
