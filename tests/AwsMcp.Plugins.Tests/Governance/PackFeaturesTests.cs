using AwsMcp.Abstractions;
using AwsMcp.Plugins.Tests.Infrastructure;

namespace AwsMcp.Plugins.Tests.Governance;

/// <summary>What the four packs offer besides tools (docs/mcp-features.md, "What the built-in packs offer"), and that none of it reaches tools/list.</summary>
[Collection(SandboxCollection.Name)]
public sealed class PackFeaturesTests(SandboxHostFixture fixture)
{
    [Fact]
    public async Task ThePacksOfferTheDocumentedPromptsResourcesAndCompletionSourcesOutsideToolsList()
    {
        await using var client = await fixture.ConnectAsync(writes: true);

        var features = fixture.ToolPacks.Order(StringComparer.Ordinal)
            .SelectMany(pack => fixture.DescriptorsOf(pack).Where(d => d.Kind != ToolKind.Tool).OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => (pack, d.Kind, d.Name, d.Uri)))
            .ToList();
        var tools = (await client.ListToolsAsync()).Select(tool => tool.Name).ToHashSet(StringComparer.Ordinal);
        var prompts = (await client.ListPromptsAsync()).Select(prompt => prompt.Name);
        var resources = (await client.ListResourcesAsync()).Select(resource => resource.Uri);
        var templates = (await client.ListResourceTemplatesAsync()).Select(template => template.UriTemplate);

        Assert.Equal(
            [
                ("AwsMcp.Billing", ToolKind.Prompt, "monthly_cost_review", (string?)null),
                ("AwsMcp.Compute", ToolKind.Prompt, "incident_triage", null),
                ("AwsMcp.Compute", ToolKind.Completion, "log_groups", null),
                ("AwsMcp.Compute", ToolKind.ResourceTemplate, "recent_log_events", "aws://logs/{region}/{+log_group}"),
                ("AwsMcp.Iam", ToolKind.Prompt, "iam_risk_review", null),
                ("AwsMcp.Iam", ToolKind.Resource, "iam_risks", "aws://iam/risks"),
                ("AwsMcp.Storage", ToolKind.Completion, "buckets", null),
                ("AwsMcp.Storage", ToolKind.ResourceTemplate, "s3_object", "aws://s3/{bucket}/{+key}"),
            ],
            features);
        Assert.DoesNotContain(features, feature => tools.Contains(feature.Name));
        Assert.Equal(["iam_risk_review", "incident_triage", "monthly_cost_review"], prompts.Order(StringComparer.Ordinal));
        Assert.Equal(["aws://iam/risks"], resources);
        Assert.Equal(["aws://logs/{region}/{+log_group}", "aws://s3/{bucket}/{+key}"], templates.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryPromptAndResourceSaysInOneSentenceWhenToUseIt()
    {
        var described = fixture.ToolPacks.SelectMany(fixture.DescriptorsOf).Where(d => d.Kind is ToolKind.Prompt or ToolKind.Resource or ToolKind.ResourceTemplate).ToList();

        Assert.Equal(6, described.Count);
        Assert.All(described, d =>
        {
            Assert.Contains(": use ", d.Description, StringComparison.Ordinal);
            Assert.EndsWith(".", d.Description, StringComparison.Ordinal);
            Assert.DoesNotContain(". ", d.Description, StringComparison.Ordinal);
        });
    }
}
