using AwsMcp.Abstractions;

namespace AwsMcp.Generators.SamplePlugin;

/// <summary>
/// Sample prompts, resources, resource templates and completion providers: what a pack serves besides tools. The class's
/// [AwsTarget] gives them no region or account argument; the template's {region} variable is its region.
/// </summary>
[AwsTarget]
public sealed class OperationsFeatures(ToolPackContext context)
{
    private static readonly string[] s_instanceIds = ["i-0aa1", "i-0ab2", "i-0bb3"];

    /// <summary>Starts a review of the sample fleet.</summary>
    /// <param name="state">Which instances to review.</param>
    /// <param name="region">Where; every region when absent.</param>
    [Prompt(Title = "Review the fleet")]
    public PromptResult ReviewFleet(InstanceState state, [Complete(CompletionSources.Regions)] string? region = null) =>
        new([PromptMessage.User($"Review the {state} instances of {context.PluginName} in {region ?? "every region"}.")]);

    /// <summary>The sample plugin's settings.</summary>
    [Resource("sample://plugin/settings", MimeType = "application/json")]
    public string Settings() => $$"""{"plugin":"{{context.PluginName}}"}""";

    /// <summary>One sample instance, described as text.</summary>
    /// <param name="region">The instance's region.</param>
    /// <param name="instanceId">The instance.</param>
    [ResourceTemplate("sample://ec2/{region}/{instance_id}", Subscribable = true)]
    public Task<string> InstanceAsync(string region, [Complete("instance_ids")] string instanceId, CancellationToken cancellationToken) =>
        Task.FromResult($"{instanceId} in {region}: running");

    /// <summary>The instance ids of the sample fleet.</summary>
    /// <param name="prefix">What the user typed so far.</param>
    [Completion("instance_ids")]
    public static ValueTask<IReadOnlyList<string>> InstanceIdsAsync(string prefix) =>
        ValueTask.FromResult<IReadOnlyList<string>>([.. s_instanceIds.Where(id => id.StartsWith(prefix, StringComparison.Ordinal))]);
}
