using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AwsMcp.Plugins.Tests.Infrastructure;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Plugins.Tests.Compute;

/// <summary>
/// The compute pack's prompt incident_triage, its resource template aws://logs/{region}/{+log_group}, its completion
/// source log_groups, and the progress of log searches, against the seeded logs (6 groups in us-east-1, 3 in
/// eu-west-1; /ecs/web-api has 3 streams of 40 lines over the last 48 hours).
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class IncidentTriageTests(SandboxHostFixture fixture)
{
    private const string Pack = "AwsMcp.Compute";
    private const string RecentEventsTemplate = "aws://logs/{region}/{+log_group}";

    [Fact]
    public async Task TheTriageTakesALogGroupAWindowAndARegion()
    {
        await using var client = await fixture.ConnectAsync();

        var prompt = (await client.ListPromptsAsync()).Single(p => p.Name == "incident_triage");
        var windows = await client.CompleteAsync(new PromptReference { Name = "incident_triage" }, "window", "");

        Assert.Equal(
            [("log_group", true), ("window", false), ("region", false)],
            prompt.ProtocolPrompt.Arguments!.Select(argument => (argument.Name, argument.Required ?? false)));
        Assert.Equal(["hour", "six_hours", "day", "week"], windows.Completion.Values);
    }

    [Fact]
    public async Task TheTriageNamesTheLogLambdaAndEc2ToolsWithTheWindowAsTimestamps()
    {
        await using var client = await fixture.ConnectAsync();

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var text = TextOf(await client.GetPromptAsync(
            "incident_triage", new Dictionary<string, object?> { ["log_group"] = "/ecs/web-api", ["window"] = "six_hours", ["region"] = "eu-west-1" }));
        var invalid = await Assert.ThrowsAsync<McpProtocolException>(() =>
            client.GetPromptAsync("incident_triage", new Dictionary<string, object?> { ["log_group"] = "/ecs/web-api", ["window"] = "month" }).AsTask());

        PromptVocabulary.AssertMatchesPack(
            text,
            fixture.DescriptorsOf(Pack),
            "filter_log_events", "query_logs_insights", "get_logs_insights_results", "get_lambda_function", "list_ec2_instances", "describe_ec2_instance");
        Assert.Contains("filter_log_events with log_group_name \"/ecs/web-api\"", text, StringComparison.Ordinal);
        Assert.Contains("passing region \"eu-west-1\" to each", text, StringComparison.Ordinal);
        var start = DateTimeOffset.Parse(text.Split("start_time \"")[1].Split('"')[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var end = DateTimeOffset.Parse(text.Split("end_time \"")[1].Split('"')[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.Equal(TimeSpan.FromHours(6), end - start);
        Assert.InRange(end, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(McpErrorCode.InvalidParams, invalid.ErrorCode);
    }

    [Fact]
    public async Task LogGroupNamesCompleteFromTheGroupsThatStartWithWhatWasTyped()
    {
        await using var client = await fixture.ConnectAsync();

        var lambda = await client.CompleteAsync(new PromptReference { Name = "incident_triage" }, "log_group", "/aws/lambda/");
        var ecs = await client.CompleteAsync(new ResourceTemplateReference { Uri = RecentEventsTemplate }, "log_group", "/ecs");
        // The provider itself asks AWS for the prefix, in the call's region: us-east-1 has one RDS group, eu-west-1 another.
        var rds = await fixture.DescriptorOf(Pack, "log_groups").InvokeAsync("""{"prefix":"/aws/rds/"}""");

        Assert.Equal(4, lambda.Completion.Values.Count);
        Assert.All(lambda.Completion.Values, name => Assert.StartsWith("/aws/lambda/", name, StringComparison.Ordinal));
        Assert.Equal(["/ecs/web-api"], ecs.Completion.Values);
        Assert.Equal(["/aws/rds/instance/orders-db/postgresql"], rds.Structured!.Value.GetProperty("result").EnumerateArray().Select(name => name.GetString()));
    }

    [Fact]
    public async Task TheRecentEventsTemplateShowsTheNewestFiftyEventsOneLineEachOldestFirst()
    {
        await using var client = await fixture.ConnectAsync();

        var template = (await client.ListResourceTemplatesAsync()).Single(t => t.UriTemplate == RecentEventsTemplate);
        var resource = Assert.IsType<TextResourceContents>(Assert.Single((await client.ReadResourceAsync("aws://logs/us-east-1//ecs/web-api")).Contents));
        var all = await client.CallJsonAsync("filter_log_events", new { log_group_name = "/ecs/web-api", start_time = DateTimeOffset.UtcNow.AddDays(-3).ToString("O"), limit = 200 });

        Assert.Equal("text/plain", template.MimeType);
        Assert.Equal("text/plain", resource.MimeType);
        var lines = resource.Text.Split('\n');
        Assert.Equal("The newest 50 event(s) of log group /ecs/web-api in us-east-1, oldest first:", lines[0]);
        var newest = all.GetProperty("items").EnumerateArray().TakeLast(50).ToList();
        Assert.Equal(120, all.GetProperty("items").GetArrayLength());
        Assert.Equal(
            newest.Select(e => $"{Timestamp(e)} [{e.GetProperty("log_stream").GetString()}] {e.GetProperty("message").GetString()}"),
            lines.Skip(1));
    }

    [Fact]
    public async Task TheRecentEventsTemplateShowsAnInvocationThatJustHappened()
    {
        await using var writer = await fixture.ConnectAsync(writes: true);
        var invocation = await writer.CallJsonAsync("invoke_lambda_function", new { function_name = "orders-api" });
        await using var client = await fixture.ConnectAsync();

        var resource = Assert.IsType<TextResourceContents>(Assert.Single((await client.ReadResourceAsync("aws://logs/us-east-1//aws/lambda/orders-api")).Contents));

        // Its stream is the newest one, written just now: its four lines end the resource, after the older streams' events.
        var requestId = Regex.Match(invocation.GetProperty("log_tail").GetString()!, @"START RequestId: (\S+)").Groups[1].Value;
        var lines = resource.Text.Split('\n');
        Assert.NotEmpty(requestId);
        Assert.Contains($"] START RequestId: {requestId} ", lines[^4], StringComparison.Ordinal);
        Assert.Contains($"] REPORT RequestId: {requestId}\t", lines[^1], StringComparison.Ordinal);
        Assert.StartsWith("The newest 50 event(s) of log group /aws/lambda/orders-api in us-east-1", resource.Text, StringComparison.Ordinal);
        SeededSecrets.AssertNoneIn(resource.Text);
    }

    [Fact]
    public async Task TheRecentEventsTemplateReadsTheRegionItNamesAndExplainsAMissingGroup()
    {
        await using var client = await fixture.ConnectAsync();

        var auth = Assert.IsType<TextResourceContents>(Assert.Single((await client.ReadResourceAsync("aws://logs/eu-west-1//aws/rds/instance/auth-db/postgresql")).Contents));
        var missing = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("aws://logs/us-east-1//aws/rds/instance/auth-db/postgresql").AsTask());

        Assert.StartsWith("The newest 30 event(s) of log group /aws/rds/instance/auth-db/postgresql in eu-west-1", auth.Text, StringComparison.Ordinal);
        Assert.Contains("ResourceNotFoundException", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilterLogEventsReportsProgressForEveryPageItReads()
    {
        var client = new RecordingClientChannel();
        var requestsBefore = Requests("FilterLogEvents");

        var result = await fixture.DescriptorOf(Pack, "filter_log_events").InvokeAsync(
            $$"""{"log_group_name":"/ecs/web-api","start_time":"{{DateTimeOffset.UtcNow.AddDays(-3):O}}","limit":20}""", client);

        var pages = Requests("FilterLogEvents") - requestsBefore;
        Assert.False(result.IsError, result.Text);
        Assert.True(pages >= 1);
        Assert.Equal(Enumerable.Range(1, pages).Select(page => (double)page), client.Progress.Select(report => report.Progress));
        Assert.All(client.Progress, report => Assert.StartsWith("FilterLogEvents on /ecs/web-api: page ", report.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALogsInsightsWaitReportsProgressForEveryPoll()
    {
        var client = new RecordingClientChannel();
        var pollsBefore = Requests("GetQueryResults");

        var result = await fixture.DescriptorOf(Pack, "query_logs_insights").InvokeAsync(
            $$"""{"log_group_names":["/ecs/web-api"],"query":"filter @message like /ERROR/ | stats count(*) as errors","start_time":"{{DateTimeOffset.UtcNow.AddDays(-3):O}}"}""", client);

        // The emulator's queries go Scheduled, Running, Complete, a step per poll at least, so the wait polls more than once.
        var polls = Requests("GetQueryResults") - pollsBefore;
        Assert.False(result.IsError, result.Text);
        Assert.InRange(polls, 2, 60);
        Assert.Equal(Enumerable.Range(1, polls).Select(poll => (double)poll), client.Progress.Select(report => report.Progress));
        Assert.EndsWith($"Complete (poll {polls})", client.Progress[^1].Message, StringComparison.Ordinal);
    }

    private static string Timestamp(JsonElement logEvent) =>
        logEvent.GetProperty("timestamp").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string TextOf(GetPromptResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Messages).Content).Text;

    private int Requests(string operation) => fixture.Sandbox.RequestLog.Count(entry => entry.Service == "logs" && entry.Operation == operation);
}
