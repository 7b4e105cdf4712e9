using AwsMcp.Plugins.Tests.Infrastructure;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Plugins.Tests.Billing;

/// <summary>The billing pack's prompt, monthly_cost_review, and the progress of its long Cost Explorer queries.</summary>
[Collection(SandboxCollection.Name)]
public sealed class MonthlyCostReviewTests(SandboxHostFixture fixture)
{
    private const string Pack = "AwsMcp.Billing";

    [Fact]
    public async Task TheReviewIsListedWithAnOptionalLinkedAccountAndNamesTheBillingToolsInOrder()
    {
        await using var client = await fixture.ConnectAsync();

        var prompt = (await client.ListPromptsAsync()).Single(p => p.Name == "monthly_cost_review");
        var text = TextOf(await client.GetPromptAsync("monthly_cost_review"));

        var argument = Assert.Single(prompt.ProtocolPrompt.Arguments!);
        Assert.Equal(("linked_account", false), (argument.Name, argument.Required ?? false));
        Assert.Equal("Monthly cost review", prompt.ProtocolPrompt.Title);
        PromptVocabulary.AssertMatchesPack(
            text, fixture.DescriptorsOf(Pack), "get_estimated_cost", "compare_costs", "get_cost_by_service", "get_cost_forecast", "list_budgets");
        Assert.DoesNotContain("linked_account", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkedAccountNarrowsTheToolsThatTakeItAndTheOthersAreSaidToCoverEveryAccount()
    {
        await using var client = await fixture.ConnectAsync();

        var text = TextOf(await client.GetPromptAsync("monthly_cost_review", new Dictionary<string, object?> { ["linked_account"] = "210987654321" }));
        var invalid = await Assert.ThrowsAsync<McpProtocolException>(() =>
            client.GetPromptAsync("monthly_cost_review", new Dictionary<string, object?> { ["linked_account"] = "12345" }).AsTask());

        PromptVocabulary.AssertMatchesPack(text, fixture.DescriptorsOf(Pack), "compare_costs", "get_cost_by_service");
        Assert.Contains("compare_costs with linked_account \"210987654321\"", text, StringComparison.Ordinal);
        Assert.Contains("get_cost_by_service with linked_account \"210987654321\"", text, StringComparison.Ordinal);
        Assert.Contains("cover every account", text, StringComparison.Ordinal);
        Assert.Equal(McpErrorCode.InvalidParams, invalid.ErrorCode);
        Assert.Contains("linked_account", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALongDailyBreakdownReportsProgressForEveryCostExplorerPage()
    {
        var client = new RecordingClientChannel();
        var requestsBefore = CostExplorerPages();

        // 90 days of 7 services is more cells than one Cost Explorer page holds (the emulator's 500, like AWS), and a
        // metric no other test asks for keeps the cache out of it.
        var result = await fixture.DescriptorOf(Pack, "get_cost_by_service").InvokeAsync(
            $$"""{"start_date":"{{BillingCalendar.Text(BillingCalendar.Today.AddDays(-90))}}","end_date":"{{BillingCalendar.Text(BillingCalendar.Today.AddDays(-1))}}","granularity":"daily","top":3,"metric":"net_unblended_cost"}""",
            client);

        var pages = CostExplorerPages() - requestsBefore;
        Assert.False(result.IsError, result.Text);
        Assert.InRange(pages, 2, 10);
        Assert.Equal(Enumerable.Range(1, pages).Select(page => (double)page), client.Progress.Select(report => report.Progress));
        Assert.All(client.Progress, report =>
        {
            Assert.Null(report.Total);
            Assert.StartsWith("Cost Explorer GetCostAndUsage: page ", report.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AComparisonKeepsItsProgressIncreasingAcrossBothQueries()
    {
        var client = new RecordingClientChannel();

        var result = await fixture.DescriptorOf(Pack, "compare_costs").InvokeAsync("""{"metric":"net_unblended_cost","usage_region":"ap-southeast-2"}""", client);

        Assert.False(result.IsError, result.Text);
        Assert.Equal([1d, 2d], client.Progress.Select(report => report.Progress));
    }

    private static string TextOf(GetPromptResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Messages).Content).Text;

    private int CostExplorerPages() => fixture.Sandbox.RequestLog.Count(entry => entry.Service == "ce" && entry.Operation == "GetCostAndUsage");
}
