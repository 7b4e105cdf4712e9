using AwsMcp.Abstractions;
using AwsMcp.Plugins.Tests.Infrastructure;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Plugins.Tests.Iam;

/// <summary>The IAM pack's prompt, iam_risk_review, and its resource aws://iam/risks over the seeded IAM estate.</summary>
[Collection(SandboxCollection.Name)]
public sealed class RiskReviewTests(SandboxHostFixture fixture)
{
    private const string Pack = "AwsMcp.Iam";
    private const string RisksUri = "aws://iam/risks";

    [Fact]
    public async Task TheReviewTakesAMinimumSeverityCompletedFromItsValues()
    {
        await using var client = await fixture.ConnectAsync();

        var prompt = (await client.ListPromptsAsync()).Single(p => p.Name == "iam_risk_review");
        var severities = await client.CompleteAsync(new PromptReference { Name = "iam_risk_review" }, "min_severity", "");

        var argument = Assert.Single(prompt.ProtocolPrompt.Arguments!);
        Assert.Equal(("min_severity", false), (argument.Name, argument.Required ?? false));
        Assert.Equal(["critical", "high", "medium", "low"], severities.Completion.Values);
    }

    [Fact]
    public async Task TheReviewNamesTheIamToolsAndTheSeveritiesAtOrAboveTheMinimum()
    {
        await using var client = await fixture.ConnectAsync();

        var high = TextOf(await client.GetPromptAsync("iam_risk_review", new Dictionary<string, object?> { ["min_severity"] = "high" }));
        var all = TextOf(await client.GetPromptAsync("iam_risk_review"));
        var invalid = await Assert.ThrowsAsync<McpProtocolException>(() =>
            client.GetPromptAsync("iam_risk_review", new Dictionary<string, object?> { ["min_severity"] = "urgent" }).AsTask());

        PromptVocabulary.AssertMatchesPack(high, fixture.DescriptorsOf(Pack), "whoami", "find_iam_risks", "get_iam_role", "get_iam_policy_document", "list_iam_users", "simulate_iam_permissions");
        PromptVocabulary.AssertMatchesPack(all, fixture.DescriptorsOf(Pack), "whoami", "find_iam_risks");
        Assert.Contains("report findings of severity critical, high.", high, StringComparison.Ordinal);
        Assert.Contains("report every finding.", all, StringComparison.Ordinal);
        Assert.Equal(McpErrorCode.InvalidParams, invalid.ErrorCode);
        Assert.Contains("min_severity", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRisksResourceIsSubscribableText()
    {
        await using var client = await fixture.ConnectAsync();

        var listed = (await client.ListResourcesAsync()).Single(resource => resource.Uri == RisksUri);
        var descriptor = fixture.DescriptorOf(Pack, "iam_risks");

        Assert.Equal("text/plain", listed.MimeType);
        Assert.Equal((ToolKind.Resource, true), (descriptor.Kind, descriptor.Subscribable));
    }

    [Fact]
    public async Task TheRisksResourceSummarisesTheSameFindingsAsTheTool()
    {
        await using var client = await fixture.ConnectAsync();

        var resource = Assert.IsType<TextResourceContents>(Assert.Single((await client.ReadResourceAsync(RisksUri)).Contents));
        var report = await client.CallJsonAsync("find_iam_risks");

        var lines = resource.Text.Split('\n');
        Assert.Equal(RisksUri, resource.Uri);
        Assert.StartsWith("IAM risks: 5 finding(s): 1 critical, 3 high, 1 medium, 0 low. Scanned 7 user(s), 8 role(s) and 4 customer managed policies; keys older than 90 days count as old.", lines[0], StringComparison.Ordinal);
        Assert.Equal(
            [
                "critical role_trusts_anyone legacy-partner-access: ",
                "high console_user_without_mfa bob.dev: ",
                "high old_access_key ci-bot: ",
                "high policy_allows_everything legacy-full-access: ",
                "medium old_access_key dave.contractor: ",
            ],
            lines.Skip(1).Select(line => line[..(line.IndexOf(": ", StringComparison.Ordinal) + 2)]));
        var findings = report.GetProperty("findings").EnumerateArray().ToList();
        Assert.All(findings.Zip(lines.Skip(1)), pair =>
        {
            Assert.Contains(pair.First.GetProperty("reason").GetString()!, pair.Second, StringComparison.Ordinal);
            Assert.EndsWith($"Fix: {pair.First.GetProperty("suggested_fix").GetString()}", pair.Second, StringComparison.Ordinal);
        });
        Assert.DoesNotMatch("AKIA[A-Z0-9]{16}", resource.Text);
    }

    private static string TextOf(GetPromptResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Messages).Content).Text;
}
